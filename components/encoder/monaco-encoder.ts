'use client';

import { headerSchema, isLikelyTimeClaim, payloadSchema } from '@/lib/claims';
import { JWS_ALGORITHM_NAMES } from '@/lib/jws/algorithms';
import type { LoadedMonaco } from '@/components/editor/monaco/load-monaco';
import { describeInstant } from './TimeHelpers';
import { escapeMarkdown } from '@/lib/format/markdown';

export const HEADER_MODEL = 'inmemory://workbench/encoder-header.json';
export const PAYLOAD_MODEL = 'inmemory://workbench/encoder-payload.json';

let registered = false;

/**
 * Once Monaco is live: the claims schemas for the header and payload editors
 * (completion, hover, wrong types marked) and a hover that reads a time claim
 * as a date. Monaco's setup module is already loaded by then; importing it
 * here keeps it out of the page's first bundle.
 */
export function setupEncoderMonaco(monaco: LoadedMonaco['monaco']) {
  if (registered) return;
  registered = true;
  void import('@/components/editor/monaco/monaco-setup').then(({ registerJsonSchema }) => {
    registerJsonSchema('inmemory://workbench/schemas/jwt-header.json', [HEADER_MODEL], headerSchema(JWS_ALGORITHM_NAMES));
    registerJsonSchema('inmemory://workbench/schemas/jwt-claims.json', [PAYLOAD_MODEL], payloadSchema());
  });
  monaco.languages.registerHoverProvider('json', {
    provideHover(model, position) {
      if (model.uri.toString() !== monaco.Uri.parse(PAYLOAD_MODEL).toString()) return null;
      const line = model.getLineContent(position.lineNumber);
      const member = /"((?:[^"\\]|\\.)*)"\s*:\s*(-?\d+(?:\.\d+)?)/g;
      for (let match = member.exec(line); match; match = member.exec(line)) {
        const start = match.index + 1;
        const end = match.index + match[0].length + 1;
        if (position.column < start || position.column > end) continue;
        const name = match[1]!;
        const value = Number(match[2]);
        if (!isLikelyTimeClaim(name, value)) return null;
        return {
          range: new monaco.Range(position.lineNumber, start, position.lineNumber, end),
          // The claim name is the user's text: escaped, never Markdown, never trusted.
          contents: [{ value: `${escapeMarkdown(name)}: ${escapeMarkdown(describeInstant(value, Math.floor(Date.now() / 1000)))}`, isTrusted: false, supportHtml: false }],
        };
      }
      return null;
    },
  });
}
