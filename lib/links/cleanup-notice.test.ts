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

describe('linkCleanupNotice: what it says of each parameter', () => {
  it('says which parameters went for holding a token, and leaves the others plain', () => {
    const text = linkCleanupNotice(readLink(`${PAGE}?foo=${TOKEN}&Client_Secret=x`))!;
    expect(text).toContain('"foo" (which held a token or a private key) and "Client_Secret" in its query string');
  });

  it('tells a share link that lost a credential from a sign-in redirect that went whole', () => {
    const share = linkCleanupNotice(readLink(`${PAGE}#token=${TOKEN}&code=abc`))!;
    expect(share).toMatch(/carried "code" after the #, which this page does not keep/);
    expect(share).toMatch(/it has been removed from the address bar and from this history entry, and the rest of the link kept/);
    const redirect = linkCleanupNotice(readLink(`${PAGE}#code=abc&state=s`))!;
    expect(redirect).toMatch(/not a link of this page but carried "code" after the #/);
    expect(redirect).toMatch(/The fragment has been removed from the address bar/);
    expect(redirect).not.toMatch(/token has been opened/);
  });

  it('cuts a token pasted as a name, and a long list of names', () => {
    const bare = linkCleanupNotice(readLink(`${PAGE}?${TOKEN}`))!;
    expect(bare).toContain(`"${TOKEN.slice(0, 32)}…"`);
    expect(bare).not.toContain(TOKEN);
    const many = Array.from({ length: 20 }, (_, index) => `s${index}_secret=x`).join('&');
    const text = linkCleanupNotice(readLink(`${PAGE}?${many}`))!;
    expect(text).toContain('"s7_secret" and 12 more in its query string');
    expect(text).not.toContain("s8_secret");
  });
});
