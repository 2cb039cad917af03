import { afterEach, describe, expect, it } from 'vitest';
import type { Messages } from '@lingui/core';
import { activateLocale } from '@/lib/i18n/translate';
import korean from '@/lib/i18n/compiled/ko.json';
import { snippetKeyFromText } from './key-of';
import { generateSnippets } from './snippets';

// The sentences around the snippets follow the language chosen; the code in them never does.
afterEach(() => activateLocale('en'));

describe('snippet notes in another language', () => {
  it('an empty key panel is explained in Korean', async () => {
    activateLocale('ko', korean as unknown as Messages);
    expect(await snippetKeyFromText('', 'utf8')).toEqual({ key: { kind: 'none' }, note: '키 패널에 키가 없습니다. 코드 조각은 JWT_SECRET에서 시크릿을 읽습니다.' });
  });

  it('an algorithm without snippets is refused in Korean, and the code stays as written', () => {
    activateLocale('ko', korean as unknown as Messages);
    const refused = generateSnippets({ alg: 'none', key: { kind: 'none' }, token: 'a.b.c', include: false });
    expect(refused.ok ? '' : refused.message).toMatch(/^코드 조각은 .+용으로 작성되었습니다\. 이 토큰의 알고리즘은 그중 어느 것도 아닙니다\.$/);
    const made = generateSnippets({ alg: 'HS256', key: { kind: 'none' }, token: 'a.b.c', include: false });
    const node = made.ok ? made.snippets.find((snippet) => snippet.id === 'node-jose') : undefined;
    expect(node?.code).toContain("console.log('Token verified:'");
    expect(made.ok && made.snippets.find((snippet) => snippet.id === 'java-spring')?.title).toBe('Java: Spring Security 리소스 서버');
  });
});
