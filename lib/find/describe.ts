// One line saying where a token was found, for a list of found tokens.

import type { TokenSource } from './types';

export function describeSource(source: TokenSource): string {
  const parts: string[] = [];
  if (source.har !== undefined) parts.push(`HAR entry ${source.har.entry} ${source.har.side} (${source.har.url})`);
  switch (source.type) {
    case 'authorization':
      parts.push(`${source.name ?? 'Authorization'} header${source.scheme === undefined ? '' : ` (${source.scheme})`}`);
      break;
    case 'header':
      parts.push(`${source.name} header`);
      break;
    case 'cookie':
      parts.push(`cookie ${source.name}`);
      break;
    case 'set-cookie':
      parts.push(`Set-Cookie ${source.name}`);
      break;
    case 'url-query':
      parts.push(`query parameter ${source.name ?? ''}`.trimEnd());
      break;
    case 'url-fragment':
      parts.push(source.name === undefined ? 'URL fragment' : `fragment parameter ${source.name}`);
      break;
    case 'url-path':
      parts.push('URL path');
      break;
    case 'form':
      parts.push(`form field ${source.name ?? ''}`.trimEnd());
      break;
    case 'json':
    case 'text':
      break;
  }
  if (source.path !== undefined) parts.push(source.path);
  if (source.line !== undefined) parts.push(`line ${source.line}`);
  if (parts.length === 0) parts.push('text');
  return parts.join(', ');
}
