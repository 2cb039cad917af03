import { previewOfLink, type LinkPreview } from '@/lib/links/preview';
import { LINK_PAINTED_ATTRIBUTE, OPENING_LINK_ATTRIBUTE } from './link-boot-script';
import { LANGUAGE_ATTRIBUTE } from '@/lib/i18n/boot-script';

/**
 * Builds the preview's view inside `container` with text nodes only (never
 * markup from the token), laid out like the decoder's own view so that
 * React's replacing it moves nothing. Inlined by its source text: it must
 * stay self-contained.
 */
export function paintLinkPreview(preview: LinkPreview, container: HTMLElement): void {
  const make = (tag: string, className: string, text?: string): HTMLElement => {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  };
  const section = (title: string): HTMLElement => {
    const element = make('section', 'min-w-0');
    const bar = make('div', 'mb-2 flex flex-wrap items-center justify-between gap-2');
    bar.appendChild(make('h2', 'text-sm font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400', title));
    element.appendChild(bar);
    return element;
  };
  const json = (part: string, text: string): HTMLElement => {
    const pre = make(
      'pre',
      'relative max-h-[28rem] overflow-auto rounded-md border border-zinc-200 bg-zinc-50 py-2 pl-5 pr-16 font-mono text-[13px] leading-5 whitespace-pre-wrap break-all dark:border-zinc-700 dark:bg-zinc-900',
      text,
    );
    pre.setAttribute('data-boot-part', part);
    return pre;
  };

  const grid = make('div', 'grid gap-6 lg:grid-cols-2');
  // <html lang> names the visit's language only once its messages are shown: the painted words say theirs now.
  grid.setAttribute('lang', preview.language);
  // The decoder's view (key panel, checks, notes) is taller than the screen: so is this one, so the footer
  // below is never on screen while the painted view stands, and cannot jump away when React's replaces it.
  grid.style.minHeight = '100vh';
  const left = make('div', 'flex min-w-0 flex-col gap-6');
  const right = make('div', 'flex min-w-0 flex-col gap-6');
  grid.appendChild(left);
  grid.appendChild(right);

  const encoded = section(preview.labels.encoded);
  const box = make('div', 'overflow-hidden rounded-md border border-zinc-300 bg-white dark:border-zinc-700 dark:bg-zinc-900');
  box.style.height = 'clamp(12rem, 40vh, 26rem)';
  const tokenText = make('pre', 'h-full overflow-auto p-2 font-mono text-[13px] leading-[18px] whitespace-pre-wrap break-all', preview.token);
  tokenText.setAttribute('data-boot-part', 'token');
  box.appendChild(tokenText);
  encoded.appendChild(box);
  if (preview.asOf) {
    // Below the token, where the decoder's own "check as of" field follows; said as the decoder's "check as of" note says it.
    const note = make('p', 'mt-2 text-sm', '');
    note.setAttribute('data-boot-part', 'as-of');
    note.appendChild(make('strong', 'font-semibold', preview.labels.asOf ?? ''));
    note.appendChild(document.createTextNode(preview.labels.asOfRest));
    encoded.appendChild(note);
  }
  left.appendChild(encoded);

  const header = section(preview.labels.header);
  header.appendChild(json('header', preview.header));
  right.appendChild(header);
  const payload = section(preview.labels.payload);
  payload.appendChild(json('payload', preview.payload));
  right.appendChild(payload);

  const claims = section(preview.labels.claims);
  const table = make('table', 'w-full border-collapse text-left text-sm');
  const body = make('tbody', '');
  for (const row of preview.rows) {
    const tr = make('tr', 'block border-t border-zinc-200 py-2 align-top md:table-row md:py-0 dark:border-zinc-800');
    tr.setAttribute('data-boot-claim', row.name);
    tr.setAttribute('data-where', row.where);
    const name = make('th', 'block py-1 pr-3 text-left font-normal md:table-cell md:py-2');
    name.setAttribute('scope', 'row');
    name.appendChild(make('code', 'font-mono text-[13px] font-semibold break-all', row.name));
    name.appendChild(make('span', 'ml-2 rounded bg-zinc-100 px-1 text-[11px] text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300', row.where === 'header' ? preview.labels.headerTag : preview.labels.claimTag));
    const value = make('td', 'block py-1 pr-3 md:table-cell md:max-w-[22rem] md:py-2');
    value.appendChild(make('code', 'font-mono text-[13px] break-all whitespace-pre-wrap', row.value));
    if (row.time) {
      const time = make('div', 'mt-0.5 text-xs');
      time.appendChild(make('span', 'font-mono', row.time.iso));
      time.appendChild(make('div', 'font-medium text-zinc-700 dark:text-zinc-200', row.time.relative));
      value.appendChild(time);
    }
    tr.appendChild(name);
    tr.appendChild(value);
    tr.appendChild(make('td', 'block py-1 text-zinc-700 md:table-cell md:py-2 dark:text-zinc-300'));
    body.appendChild(tr);
  }
  table.appendChild(body);
  claims.appendChild(table);
  if (preview.labels.more) claims.appendChild(make('p', 'mt-2 text-sm', preview.labels.more));
  right.appendChild(claims);

  container.appendChild(grid);
}

/**
 * Runs inline in <body>, right after the (empty) element it paints into and
 * before the page's own scripts have loaded: decodes the link's token and
 * paints header, payload and claims at first paint. Anything it cannot show
 * exactly (no token, a JWE, a token over 64 KB, a failure of any kind) leaves
 * the page as it was: the link then opens as before, behind the notice. Its
 * hash is put in the CSP like every inline script.
 */
export const linkPreviewScript = `(function(){try{var c=document.currentScript&&document.currentScript.previousElementSibling;if(!c||!document.documentElement.hasAttribute(${JSON.stringify(OPENING_LINK_ATTRIBUTE)}))return;var p=(${previewOfLink.toString()})(location.href,Date.now(),document.documentElement.getAttribute(${JSON.stringify(LANGUAGE_ATTRIBUTE)}));if(!p)return;(${paintLinkPreview.toString()})(p,c);document.documentElement.setAttribute(${JSON.stringify(LINK_PAINTED_ATTRIBUTE)},'')}catch(_){}})()`;
