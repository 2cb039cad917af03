// The in-page half of bench/paste-profile.mjs, serialised by Playwright
// (page.addInitScript) and run before the page's own scripts:
// - React's commits, through the hook React DOM calls on every commit, even
//   in a production build (the one the React DevTools install): when each
//   commit happened and which components rendered in it. Production names
//   are minified, so each component is also named by the first element it
//   renders (its data-testid, else its tag and first class).
// - Monaco's model of the token editor: when an edit reaches it (the text is
//   changed, before any listener runs), when the edit call returns, and when
//   the editor's change event (whose listeners include @monaco-editor/react's
//   onChange, and so our CodeEditor's) runs.
// Recording starts at the first Control+V keydown once `window.__pasteProfile.armed` is set.

export function pasteRecorder() {
  const record = { armed: false, recording: false, commits: [], model: [], changeEvents: [], overheadMs: 0, roots: new Set(), keydown: null };
  window.__pasteProfile = record;

  const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]); // function, class, forwardRef, memo, simple memo
  const HOST_TAGS = new Set([5, 26, 27]);
  const PERFORMED_WORK = 1;

  function nameOf(type) {
    if (!type) return 'anonymous';
    return type.displayName || type.name || (type.render && (type.render.displayName || type.render.name)) || (type.type && nameOf(type.type)) || 'anonymous';
  }

  function firstElementOf(fiber) {
    let node = fiber.child;
    for (let steps = 0; node && steps < 40; steps += 1) {
      if (HOST_TAGS.has(node.tag) && node.stateNode instanceof Element) {
        const element = node.stateNode;
        const testId = element.getAttribute('data-testid');
        if (testId) return `[data-testid="${testId}"]`;
        const className = typeof element.className === 'string' ? element.className.trim().split(/\s+/)[0] : '';
        return `<${element.tagName.toLowerCase()}${className ? `.${className}` : ''}>`;
      }
      node = node.child ?? node.sibling;
    }
    return 'no element';
  }

  /** The components that rendered in this commit: DevTools' rule (a mount, or a fiber that performed work; an unchanged child list is not walked). */
  function renderedIn(root) {
    const rendered = new Map();
    const stack = [root.current];
    while (stack.length) {
      const fiber = stack.pop();
      const previous = fiber.alternate;
      if (COMPONENT_TAGS.has(fiber.tag) && (previous === null || (fiber.flags & PERFORMED_WORK) === PERFORMED_WORK)) {
        const label = `${nameOf(fiber.type)} ${firstElementOf(fiber)}${previous === null ? ' (mounted)' : ''}`;
        rendered.set(label, (rendered.get(label) ?? 0) + 1);
      }
      if (fiber.child && (previous === null || previous.child !== fiber.child)) {
        for (let child = fiber.child; child; child = child.sibling) stack.push(child);
      }
    }
    return [...rendered.entries()].sort((a, b) => b[1] - a[1]);
  }

  const noop = () => {};
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject(renderer) {
      this.renderers.set(1, renderer);
      return 1;
    },
    checkDCE: noop,
    onScheduleFiberRoot: noop,
    onCommitFiberUnmount: noop,
    onPostCommitFiberRoot: noop,
    setStrictMode: noop,
    onCommitFiberRoot(_id, root) {
      record.roots.add(root);
      if (!record.recording) return;
      const at = performance.now();
      record.commits.push({
        at,
        rendered: renderedIn(root),
        insideModelEdit: record.model.some((edit) => edit.end === null),
        insideChangeEvent: record.changeEvents.some((call) => call.end === null),
      });
      record.overheadMs += performance.now() - at;
    },
  };

  /** Finds the token editor's Monaco instance in React's tree (CodeEditor keeps it in state) and watches its model. */
  record.watchTokenModel = () => {
    for (const root of record.roots) {
      const stack = [root.current];
      while (stack.length) {
        const fiber = stack.pop();
        if (fiber.memoizedProps && fiber.memoizedProps.testId === 'token-input') {
          for (let hook = fiber.memoizedState; hook; hook = hook.next) {
            const editor = hook.memoizedState;
            if (editor && typeof editor.getModel === 'function' && editor.getModel()) return watchModel(editor.getModel(), editor);
          }
        }
        for (let child = fiber.child; child; child = child.sibling) stack.push(child);
      }
    }
    return false;
  };

  function watchModel(model, editor) {
    const emitter = editor._onDidChangeModelContent;
    if (emitter && typeof emitter.fire === 'function') {
      const fire = emitter.fire;
      emitter.fire = function (...args) {
        const call = { start: performance.now(), end: null };
        if (record.recording) record.changeEvents.push(call);
        try {
          return fire.apply(this, args);
        } finally {
          call.end = performance.now();
        }
      };
    }
    const push = model.pushEditOperations;
    model.pushEditOperations = function (...args) {
      const edit = { start: performance.now(), changed: null, end: null };
      if (record.recording) record.model.push(edit);
      try {
        return push.apply(this, args);
      } finally {
        edit.end = performance.now();
      }
    };
    // Called once the text has changed, before any listener (the editor's view, @monaco-editor/react's onChange) runs.
    const emit = model._emitContentChangedEvent;
    if (typeof emit === 'function') {
      model._emitContentChangedEvent = function (...args) {
        const open = record.model.find((edit) => edit.end === null && edit.changed === null);
        if (open) open.changed = performance.now();
        return emit.apply(this, args);
      };
    }
    return true;
  }

  document.addEventListener(
    'keydown',
    (event) => {
      if (record.armed && (event.ctrlKey || event.metaKey) && (event.key === 'v' || event.key === 'V') && record.keydown === null) {
        record.keydown = performance.now();
        record.recording = true;
        // The trace's clock is set against this mark.
        performance.mark('paste-profile-keydown');
      }
    },
    true,
  );
  document.addEventListener(
    'paste',
    () => {
      if (record.recording && record.pasteEvent === undefined) record.pasteEvent = performance.now();
    },
    true,
  );
}
