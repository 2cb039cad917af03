import { afterEach, describe, expect, it } from 'vitest';
import type { Messages } from '@lingui/core';
import ko from '@/lib/i18n/compiled/ko.json';
import es from '@/lib/i18n/compiled/es.json';
import { activateLocale } from '@/lib/i18n/translate';
import { checkAccessToken, checkIdToken } from './index';

// ID token and access token checks say why in the active language, keeping claim names as written.
const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const now = NOW / 1000;

afterEach(() => activateLocale('en'));

describe('OpenID Connect checks in the active language', () => {
  it('explains every ID token check in Korean', async () => {
    activateLocale('ko', ko as unknown as Messages);
    const checks = await checkIdToken(
      { alg: 'RS256' },
      { iss: 'https://id.example', aud: ['a', 'b'], sub: 'u', exp: now - 3600, iat: now - 7200, nonce: 'n1', at_hash: 'x' },
      { now: NOW, expected: { issuer: 'https://id.example', clientId: 'a', nonce: 'n2', accessToken: 'tok', maxAge: 'soon' } },
    );
    const byName = Object.fromEntries(checks.map((check) => [check.check, check.message]));
    expect(byName.iss).toBe('iss는 예상한 발급자 "https://id.example"입니다.');
    expect(byName.azp).toMatch(/^토큰에 대상이 2개 있지만 발급받은 당사자를 지정하는 azp 클레임이 없습니다/);
    expect(byName.nonce).toBe('nonce는 "n1"이지만 요청에서는 "n2"을(를) 보냈습니다. 재전송된 토큰일 수 있습니다.');
    expect(byName.exp).toMatch(/1시간 전 만료됨\(2026-01-01T11:00:00Z\)/);
    expect(byName.auth_time).toBe('max_age "soon"은(는) 초 단위 정수가 아닙니다.');
    expect(byName.at_hash).toMatch(/^at_hash은\(는\) "x"이지만 이 액세스 토큰의 SHA-256 왼쪽 절반은 "/);
  });

  it('explains access token checks in Spanish', () => {
    activateLocale('es', es as unknown as Messages);
    const checks = checkAccessToken({ typ: 'JWT', alg: 'none' }, { iss: 'x', aud: 'api', exp: now + 60, iat: now, sub: 's', client_id: 'c', jti: 'j' }, { now: NOW, expected: { clientId: 'd' } });
    const byName = Object.fromEntries(checks.map((check) => [check.check, check.message]));
    expect(byName.typ).toBe('typ es "JWT"; un token de acceso JWT debe tener typ "at+jwt" (RFC 9068 §2.1).');
    expect(byName.alg).toBe('alg es "none": un token de acceso JWT debe estar firmado (RFC 9068 §2.1).');
    expect(byName.client_id).toBe('client_id es "c", se esperaba "d".');
    expect(byName.exp).toMatch(/^válido 1 minuto más \(/);
  });
});
