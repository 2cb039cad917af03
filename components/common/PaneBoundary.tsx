'use client';

import { Component, type ErrorInfo, type ReactNode } from 'react';
import { t } from './messages';

interface PaneBoundaryProps {
  /** What the pane shows, for the message ("the claims table"), in the language shown: its parent renders again when the language changes. */
  name: string;
  /** The input the pane shows; when it changes, the pane tries again. */
  resetKey?: unknown;
  children: ReactNode;
}

interface PaneBoundaryState {
  error: Error | null;
  resetKey: unknown;
}

/**
 * Keeps a failure in one pane from taking the page down: the pane says it
 * could not be shown and why, the rest of the page keeps working, and the
 * pane renders again as soon as its input changes.
 */
export class PaneBoundary extends Component<PaneBoundaryProps, PaneBoundaryState> {
  constructor(props: PaneBoundaryProps) {
    super(props);
    this.state = { error: null, resetKey: props.resetKey };
  }

  static getDerivedStateFromError(error: unknown): Partial<PaneBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: PaneBoundaryProps, state: PaneBoundaryState): Partial<PaneBoundaryState> | null {
    return Object.is(props.resetKey, state.resetKey) ? null : { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for whoever reports the bug; the page itself stays usable.
    console.warn(`${this.props.name} could not be shown:`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const why = error.message.length > 300 ? `${error.message.slice(0, 300)}…` : error.message || error.name;
    return (
      <p
        role="alert"
        data-testid="pane-error"
        className="rounded-md border-l-4 border-red-600 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100"
      >
        {t('ui-common.paneError', { name: this.props.name, reason: why })}
      </p>
    );
  }
}
