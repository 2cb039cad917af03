import { describe, expect, it } from 'vitest';
import { linkCleanupNotice } from './cleanup-notice';
import { readLink } from './read-link';

const PAGE = 'https://jwt.example.com/';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl';

describe('linkCleanupNotice', () => {
  it('says nothing for our own share links', () => {
    expect(linkCleanupNotice(readLink(`${PAGE}#token=${TOKEN}&key=k`))).toBeNull();
    expect(linkCleanupNotice(readLink(PAGE))).toBeNull();
  });

  it('names the query credentials and says the server received them and the fragment was not used', () => {
    const text = linkCleanupNotice(readLink(`${PAGE}?token=${TOKEN}&key=k`))!;
    expect(text).toContain('"token" and "key"');
    expect(text).toMatch(/query string .* is sent to the server/);
    expect(text).toMatch(/removed from the address bar and from this history entry/);
    expect(text).toMatch(/kept in this page only/);
    expect(text).not.toMatch(/\bmoved\b/);
  });

  it('says a redirect fragment was not sent but has been removed', () => {
    const text = linkCleanupNotice(readLink(`${PAGE}#id_token=${TOKEN}&state=x`))!;
    expect(text).toContain('"id_token"');
    expect(text).toMatch(/fragment is not sent to the server/);
    expect(text).toMatch(/fragment removed from the address bar/);
  });
});
