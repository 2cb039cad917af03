import { describe, expect, it } from 'vitest';
import { PREVIEW_MAX_TOKEN_CHARS, previewOfLink } from './preview';
import { describeTime } from '@/lib/claims';

// Tokens are built here with Node's Buffer, not with the code under test.
const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const jws = (header: unknown, payload: unknown) => `${b64(header)}.${b64(payload)}.c2lnbmF0dXJl`;
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const nowSeconds = NOW / 1000;
const HEADER = { alg: 'HS256', typ: 'JWT' };
const PAYLOAD = { sub: 'user-1', name: 'Ada', iat: nowSeconds - 300, exp: nowSeconds + 3600, nbf: nowSeconds - 300 };
const TOKEN = jws(HEADER, PAYLOAD);

describe('previewOfLink', () => {
  it('prints the header and payload of a #token= link as the decoder does, with its claims in order', () => {
    const preview = previewOfLink(`https://x.test/#${new URLSearchParams({ token: TOKEN })}`, NOW);
    expect(preview).not.toBeNull();
    expect(preview!.token).toBe(TOKEN);
    expect(preview!.header).toBe(JSON.stringify(HEADER, null, 2));
    expect(preview!.payload).toBe(JSON.stringify(PAYLOAD, null, 2));
    expect(preview!.rows.map((row) => `${row.where}:${row.name}`)).toEqual(['header:alg', 'header:typ', 'payload:sub', 'payload:name', 'payload:iat', 'payload:exp', 'payload:nbf']);
    expect(preview!.rows.find((row) => row.name === 'name')).toEqual({ name: 'name', where: 'payload', value: 'Ada', time: null });
  });

  it('describes the time claims in the same words and dates as the claims table', () => {
    const preview = previewOfLink(`https://x.test/#token=${TOKEN}`, NOW)!;
    for (const name of ['iat', 'exp', 'nbf'] as const) {
      const row = preview.rows.find((entry) => entry.name === name)!;
      const time = describeTime(PAYLOAD[name], NOW, name);
      if (!time.ok) throw new Error('the fixture holds valid times');
      expect(row.time).toEqual({ iso: time.iso, relative: time.status.includes(time.relative) ? time.status : `${time.status} (${time.relative})` });
    }
    expect(preview.rows.find((entry) => entry.name === 'exp')!.time!.relative).toBe('valid for 1 more hour (in 1 hour)');
    // As of the link's `at`, the same token has expired.
    const later = previewOfLink(`https://x.test/#${new URLSearchParams({ token: TOKEN, at: '2026-01-16T12:00:00Z' })}`, NOW)!;
    expect(later.rows.find((entry) => entry.name === 'exp')!.time!.relative).toBe('expired 23 hours ago');
  });

  it('reads every shape a link to the decoder can have', () => {
    const shapes = [
      `#${new URLSearchParams({ token: TOKEN, key: 'secret' })}`,
      `#debugger-io?${new URLSearchParams({ token: TOKEN })}`,
      `#${TOKEN}`,
      `#${new URLSearchParams({ id_token: TOKEN, state: 'x' })}`,
      `#${new URLSearchParams({ token: `  ${TOKEN}\n` })}`,
    ];
    for (const shape of shapes) expect(previewOfLink(`https://x.test/app/${shape}`, NOW)?.token, shape).toBe(TOKEN);
  });

  it('leaves to the page whatever it cannot show exactly: no token, the encoder, JWE, bad segments, non-objects, huge tokens', () => {
    const cases = [
      'https://x.test/',
      'https://x.test/#',
      'https://x.test/#key=secret',
      `https://x.test/#${new URLSearchParams({ token: TOKEN, mode: 'encode' })}`,
      `https://x.test/?token=${TOKEN}`,
      `https://x.test/#token=${b64(HEADER)}.${b64(PAYLOAD)}.sig.iv.tag`,
      `https://x.test/#token=${b64(HEADER)}.${b64(PAYLOAD)}`,
      `https://x.test/#token=${jws(HEADER, [1, 2])}`,
      `https://x.test/#token=${jws(HEADER, 'null')}`,
      `https://x.test/#token=${jws('not json', PAYLOAD)}`,
      `https://x.test/#token=${b64(HEADER)}.${Buffer.from([0xff, 0xfe, 0x7b, 0x7d]).toString('base64url')}.sig`,
      `https://x.test/#token=${b64(HEADER)}.${b64('\ufeff{}')}.sig`,
      `https://x.test/#token=${b64(HEADER)}.abcde.sig`,
      `https://x.test/#token=<img src=x onerror=alert(1)>`,
      `https://x.test/#token=${jws(HEADER, { data: 'x'.repeat(PREVIEW_MAX_TOKEN_CHARS) })}`,
      `https://x.test/#token=%E0%A4%A`,
      `https://x.test/#${'%'.repeat(10 * PREVIEW_MAX_TOKEN_CHARS)}`,
    ];
    for (const link of cases) expect(previewOfLink(link, NOW), link.slice(0, 120)).toBeNull();
  });

  it('keeps hostile claim text as text, cuts long values, and stops at 200 rows like the claims table', () => {
    const payload: Record<string, unknown> = { '<b>': '<script>alert(1)</script>', __proto__claim: 1, long: 'y'.repeat(1000) };
    for (let index = 0; index < 250; index += 1) payload[`c${index}`] = index;
    const preview = previewOfLink(`https://x.test/#token=${jws(HEADER, payload)}`, NOW)!;
    expect(preview.rows[2]).toMatchObject({ name: '<b>', value: '<script>alert(1)</script>' });
    expect(preview.rows.find((row) => row.name === 'long')!.value).toBe(`${'y'.repeat(300)}… (1000 characters)`);
    expect(preview.rows).toHaveLength(200);
    expect(preview.moreRows).toBe(2 + 3 + 250 - 200);
    const proto = previewOfLink(`https://x.test/#token=${b64(HEADER)}.${b64('{"__proto__":{"polluted":1}}')}.sig`, NOW)!;
    expect(proto.rows.at(-1)).toMatchObject({ name: '__proto__', value: '{"polluted":1}' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('works from its source text alone, as the boot script inlines it', () => {
    const standalone = new Function(`return (${previewOfLink.toString()})`)() as typeof previewOfLink;
    expect(standalone(`https://x.test/#token=${TOKEN}`, NOW)).toEqual(previewOfLink(`https://x.test/#token=${TOKEN}`, NOW));
  });

  it('caps tokens at the size it announces', () => {
    const pad = (length: number) => {
      const base = jws(HEADER, { data: '' });
      return jws(HEADER, { data: 'z'.repeat(Math.floor(((length - base.length) * 3) / 4)) });
    };
    const under = pad(PREVIEW_MAX_TOKEN_CHARS - 200);
    const over = pad(PREVIEW_MAX_TOKEN_CHARS + 200);
    expect(under.length).toBeLessThanOrEqual(PREVIEW_MAX_TOKEN_CHARS);
    expect(over.length).toBeGreaterThan(PREVIEW_MAX_TOKEN_CHARS);
    expect(previewOfLink(`https://x.test/#token=${under}`, NOW)).not.toBeNull();
    expect(previewOfLink(`https://x.test/#token=${over}`, NOW)).toBeNull();
  });

  describe('speaks the visit’s language (the data-language the language boot script set)', () => {
    // What each language's labels must be, written here (not read from the code under test); the
    // relative times are Intl's own words for that language.
    const expected: Record<string, { encoded: string; claims: string; claimTag: string; more: string; asOf: string; exp: (inOneHour: string) => string; iat: (ago: string) => string }> = {
      en: { encoded: 'Encoded token', claims: 'Claims explained', claimTag: 'claim', more: '57 more entries.', asOf: 'Judged as of 2026-01-16T12:00:00Z', exp: () => 'valid for 1 more hour (in 1 hour)', iat: () => 'issued 5 minutes ago' },
      ja: { encoded: 'エンコードされたトークン', claims: 'クレームの説明', claimTag: 'クレーム', more: 'ほか 57 件。', asOf: '2026-01-16T12:00:00Z の時点で判定', exp: (r) => `有効（${r}に期限切れ）`, iat: (r) => `${r}に発行` },
      'zh-Hans': { encoded: '编码后的令牌', claims: '声明说明', claimTag: '声明', more: '另有 57 项。', asOf: '按 2026-01-16T12:00:00Z 判断', exp: (r) => `有效（${r}过期）`, iat: (r) => `颁发于${r}` },
      ko: { encoded: '인코딩된 토큰', claims: '클레임 설명', claimTag: '클레임', more: '외 57개 항목.', asOf: '2026-01-16T12:00:00Z 기준으로 판단', exp: (r) => `유효함(${r} 만료)`, iat: (r) => `${r} 발급` },
      es: { encoded: 'Token codificado', claims: 'Notificaciones explicadas', claimTag: 'notificación', more: '57 entradas más.', asOf: 'Evaluado a fecha de 2026-01-16T12:00:00Z', exp: (r) => `válido, caduca ${r}`, iat: (r) => `emitido ${r}` },
      'pt-BR': { encoded: 'Token codificado', claims: 'Declarações explicadas', claimTag: 'declaração', more: 'Mais 57 entradas.', asOf: 'Avaliado na data de 2026-01-16T12:00:00Z', exp: (r) => `válido, expira ${r}`, iat: (r) => `emitido ${r}` },
      de: { encoded: 'Kodiertes Token', claims: 'Claims erklärt', claimTag: 'Claim', more: '57 weitere Einträge.', asOf: 'Beurteilt zum Zeitpunkt 2026-01-16T12:00:00Z', exp: (r) => `gültig, läuft ${r} ab`, iat: (r) => `${r} ausgestellt` },
      fr: { encoded: 'Jeton encodé', claims: 'Revendications expliquées', claimTag: 'revendication', more: '57 entrées de plus.', asOf: 'Évalué à la date du 2026-01-16T12:00:00Z', exp: (r) => `valide, expire ${r}`, iat: (r) => `émis ${r}` },
    };
    const many: Record<string, unknown> = { ...PAYLOAD };
    for (let index = 0; index < 250; index += 1) many[`c${index}`] = index;
    const manyToken = jws(HEADER, many);

    for (const [language, words] of Object.entries(expected)) {
      it(`in ${language}`, () => {
        const preview = previewOfLink(`https://x.test/#token=${TOKEN}`, NOW, language)!;
        const inOneHour = new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(1, 'hour');
        const fiveMinutesAgo = new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(-5, 'minute');
        expect(preview.language).toBe(language);
        expect(preview.labels).toMatchObject({ encoded: words.encoded, claims: words.claims, claimTag: words.claimTag, asOf: null, more: null });
        expect(preview.rows.find((row) => row.name === 'exp')!.time).toEqual({ iso: '2026-01-15T13:00:00Z', relative: words.exp(inOneHour) });
        expect(preview.rows.find((row) => row.name === 'iat')!.time!.relative).toBe(words.iat(fiveMinutesAgo));
        // The token, its JSON and claim values stay as they are, whatever the language.
        expect(preview.header).toBe(JSON.stringify(HEADER, null, 2));
        expect(preview.rows.find((row) => row.name === 'name')!.value).toBe('Ada');
        const long = previewOfLink(`https://x.test/#${new URLSearchParams({ token: manyToken, at: '2026-01-16T12:00:00Z' })}`, NOW, language)!;
        expect(long.labels.more).toBe(words.more);
        expect(long.labels.asOf).toBe(words.asOf);
        // The same from its source text alone, as the boot script inlines it.
        const standalone = new Function(`return (${previewOfLink.toString()})`)() as typeof previewOfLink;
        expect(standalone(`https://x.test/#token=${TOKEN}`, NOW, language)).toEqual(preview);
      });
    }

    it('falls back to English for a missing or unknown language', () => {
      const english = previewOfLink(`https://x.test/#token=${TOKEN}`, NOW)!;
      for (const language of [null, '', 'xx', 'JA', 'toString', '__proto__']) {
        expect(previewOfLink(`https://x.test/#token=${TOKEN}`, NOW, language)).toEqual(english);
      }
      expect(english.labels.encoded).toBe('Encoded token');
    });
  });
});
