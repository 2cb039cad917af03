// The DPoP checks are worded in the language shown: ids and states stay, the sentences follow the language.
import { afterEach, describe, expect, it } from 'vitest';
import type { Messages } from '@lingui/core';
import { activateLocale } from '@/lib/i18n/translate';
import es from '@/lib/i18n/compiled/es.json';
import ko from '@/lib/i18n/compiled/ko.json';
import { verifyJws } from '@/lib/jws';
import { checkDpopProof } from '.';
import { dpopOwnKeyVerdict } from './own-key';
import vectors from './vectors/dpop-vectors.json';

const { now, cases } = vectors;
const ENGLISH = /\b(the|is|not|with|must|matches|missing)\b/;

afterEach(() => activateLocale('en'));

describe('DPoP checks in the language shown', () => {
  it('every check of a proof in Spanish, the age in Spanish words too', async () => {
    activateLocale('es', es as unknown as Messages);
    const result = await checkDpopProof(cases['token-request'].proof, { now, method: 'GET' });
    if (!result.ok) throw new Error(result.error);
    const byId = Object.fromEntries(result.checks.map((check) => [check.id, check.message]));
    expect(byId.htm).toBe('htm es "POST" pero la solicitud es GET');
    expect(byId.iat).toMatch(/^iat \S+ es de hace \d+ s, dentro de 300 s$/);
    expect(result.unchecked).toEqual(['htu frente a la URL de la solicitud', 'ath y cnf.jkt frente al token de acceso']);
    for (const check of result.checks) expect(check.message).not.toMatch(ENGLISH);
  });

  it('the verdict of verifying a proof with its own key, in Korean', async () => {
    activateLocale('ko', ko as unknown as Messages);
    const verdict = dpopOwnKeyVerdict(await verifyJws(cases['token-request'].proof, [], { allowEmbeddedJwk: true }));
    expect(verdict.state).toBe('valid');
    expect(verdict.message).toBe(
      '증명 자체의 jwk 헤더에 있는 공개 키로 서명을 검증했습니다(RFC 9449). 보낸 사람이 그 키의 개인 키를 보유하고 있습니다. 보낸 사람이 누구인지는 알려 주지 않으며, 그것은 이 키에 바인딩된 액세스 토큰(cnf.jkt)으로 알 수 있습니다.',
    );
  });

  it('drops the generic header-key warning however the verifier words it, and keeps the others', async () => {
    const outcome = await verifyJws(cases['token-request'].proof, [], { allowEmbeddedJwk: true });
    // The verifier's warnings as another language words them: the header-key one first, as verifyJws puts it.
    const worded = { ...outcome, warnings: ['키가 토큰 자체 헤더("jwk")에서 왔습니다.', '다른 경고'] };
    expect(dpopOwnKeyVerdict(worded).warnings).toEqual(['다른 경고']);
  });
});
