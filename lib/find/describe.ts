// One line saying where a token was found, for a list of found tokens.

import type { TokenSource } from './types';
import { t } from './messages';

export function describeSource(source: TokenSource): string {
  const parts: string[] = [];
  if (source.har !== undefined) parts.push(t(source.har.side === 'request' ? 'find.harRequest' : 'find.harResponse', { entry: source.har.entry, url: source.har.url }));
  switch (source.type) {
    case 'authorization':
      parts.push(
        source.scheme === undefined
          ? t('find.authorizationHeader', { name: source.name ?? 'Authorization' })
          : t('find.authorizationHeaderScheme', { name: source.name ?? 'Authorization', scheme: source.scheme }),
      );
      break;
    case 'header':
      parts.push(t('find.header', { name: source.name }));
      break;
    case 'cookie':
      parts.push(t('find.cookie', { name: source.name }));
      break;
    case 'set-cookie':
      parts.push(t('find.setCookie', { name: source.name }));
      break;
    case 'url-query':
      parts.push(source.name ? t('find.queryParameter', { name: source.name }).trimEnd() : t('find.queryParameterUnnamed'));
      break;
    case 'url-fragment':
      parts.push(source.name === undefined ? t('find.urlFragment') : t('find.fragmentParameter', { name: source.name }));
      break;
    case 'url-path':
      parts.push(t('find.urlPath'));
      break;
    case 'form':
      parts.push(source.name ? t('find.formField', { name: source.name }).trimEnd() : t('find.formFieldUnnamed'));
      break;
    case 'json':
    case 'text':
      break;
  }
  if (source.path !== undefined) parts.push(source.path);
  if (source.line !== undefined) parts.push(t('find.line', { line: source.line }));
  if (parts.length === 0) parts.push(t('find.text'));
  return parts.join(t('find.separator'));
}
