/** JWK (RFC 7517/7518/8037) and JWKS text: checks each key's members and says which one is wrong. */
import { base64Decode, base64urlDecode } from './base64';
import { EC_CURVES, OKP_CURVES, ecPointToXY, isEcCurve, isOkpCurve } from './curves';
import { readWhole } from './der';
import { toParsedKey } from './describe';
import { KeyError, problemOf } from './errors';
import { ML_DSA, ML_DSA_SEED_BYTES, isMlDsaName } from './mldsa-params';
import { certificateToJwk } from './x509';
import type { CertificateSummary, Jwk, KeyParseResult, ParsedKey } from './types';
import { t } from './messages';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A required or optional base64url member; returns its bytes. */
function member(jwk: Record<string, unknown>, name: string, required: boolean, what: string): Uint8Array | undefined {
  const value = jwk[name];
  if (value === undefined) {
    if (required) throw new KeyError(t('keys.jwkMissingMember', { what, name }));
    return undefined;
  }
  if (typeof value !== 'string') throw new KeyError(t('keys.jwkMemberNotString', { name, type: typeof value }));
  const decoded = base64urlDecode(value);
  if (!decoded.ok) throw new KeyError(t('keys.jwkMemberNotBase64url', { name, reason: decoded.message }));
  if (decoded.bytes.length === 0) throw new KeyError(t('keys.jwkMemberEmpty', { name }));
  return decoded.bytes;
}

function checkLength(bytes: Uint8Array | undefined, expected: number, name: string, curve: string): void {
  if (bytes && bytes.length !== expected) {
    throw new KeyError(t('keys.jwkMemberLength', { name, curve, expected, actual: bytes.length }));
  }
}

/** Validates one JWK object and describes it. Throws KeyError (caught by the callers below). */
export function jwkToParsedKey(value: unknown, now: Date, warnings: string[], index?: number): ParsedKey {
  if (!isObject(value)) throw new KeyError(t('keys.jwkNotObject'));
  const kty = value.kty;
  if (kty === undefined) throw new KeyError(t('keys.jwkNoKty'));
  if (typeof kty !== 'string') throw new KeyError(t('keys.jwkKtyNotString'));
  switch (kty) {
    case 'RSA': {
      member(value, 'n', true, 'RSA');
      member(value, 'e', true, 'RSA');
      const hasD = member(value, 'd', false, 'RSA') !== undefined;
      const crt = ['p', 'q', 'dp', 'dq', 'qi'].filter((m) => member(value, m, false, 'RSA') !== undefined);
      if (hasD && crt.length < 5) {
        warnings.push(t('keys.rsaLacksCrt'));
      }
      break;
    }
    case 'EC': {
      const crv = value.crv;
      if (crv === undefined) throw new KeyError(t('keys.ecNoCrv'));
      if (!isEcCurve(crv)) throw new KeyError(t('keys.ecUnknownCrv', { crv: String(crv) }));
      const size = EC_CURVES[crv].bytes;
      const x = member(value, 'x', true, 'EC');
      const y = member(value, 'y', true, 'EC');
      checkLength(x, size, 'x', crv);
      checkLength(y, size, 'y', crv);
      checkLength(member(value, 'd', false, 'EC'), size, 'd', crv);
      const point = new Uint8Array(1 + 2 * size);
      point[0] = 4;
      point.set(x!, 1);
      point.set(y!, 1 + size);
      ecPointToXY(crv, point); // throws when (x, y) is not on the curve
      break;
    }
    case 'OKP': {
      const crv = value.crv;
      if (crv === undefined) throw new KeyError(t('keys.okpNoCrv'));
      if (!isOkpCurve(crv)) throw new KeyError(t('keys.okpUnknownCrv', { crv: String(crv) }));
      const size = OKP_CURVES[crv].bytes;
      checkLength(member(value, 'x', true, 'OKP'), size, 'x', crv);
      checkLength(member(value, 'd', false, 'OKP'), size, 'd', crv);
      break;
    }
    case 'oct':
      member(value, 'k', true, 'oct');
      break;
    case 'AKP': {
      // draft-ietf-cose-dilithium: "alg" is required and fixes the sizes; "priv" is the 32-byte seed.
      const alg = value.alg;
      if (alg === undefined) throw new KeyError(t('keys.akpNoAlg'));
      if (!isMlDsaName(alg)) throw new KeyError(t('keys.akpUnknownAlg', { alg: String(alg) }));
      checkLength(member(value, 'pub', true, 'AKP'), ML_DSA[alg].publicKeyBytes, 'pub', alg);
      checkLength(member(value, 'priv', false, 'AKP'), ML_DSA_SEED_BYTES, 'priv', alg);
      break;
    }
    default:
      throw new KeyError(t('keys.unknownKty', { kty }));
  }
  const jwk = { ...value } as Jwk;
  const certificate = x5cSummary(jwk, now, warnings);
  return toParsedKey(jwk, { ...(certificate ? { certificate } : {}), ...(index !== undefined ? { index } : {}) });
}

/** Summarises the first (leaf) certificate of an x5c chain, and checks it holds the same key. */
function x5cSummary(jwk: Jwk, now: Date, warnings: string[]): CertificateSummary | undefined {
  if (jwk.x5c === undefined) return undefined;
  const first = Array.isArray(jwk.x5c) ? jwk.x5c[0] : undefined;
  if (typeof first !== 'string') {
    warnings.push(t('keys.x5cNotArray'));
    return undefined;
  }
  // x5c holds standard base64 DER, not base64url (RFC 7517 §4.7).
  const decoded = base64Decode(first);
  try {
    if (!decoded.ok) throw new KeyError(decoded.message);
    const cert = certificateToJwk(readWhole(decoded.bytes), now);
    const same = ['n', 'e', 'crv', 'x', 'y'].every((m) => cert.jwk[m] === jwk[m]);
    if (!same) warnings.push(t('keys.x5cDifferentKey'));
    return cert.certificate;
  } catch (error) {
    warnings.push(t('keys.x5cUnreadable', { reason: problemOf(error).message }));
    return undefined;
  }
}

/** Locates a JSON.parse error: V8 says "position N", Firefox "line L column C". */
function jsonErrorOffset(message: string, text: string): number | undefined {
  const position = /position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) {
    const lines = text.split('\n');
    const line = Number(lineCol[1]) - 1;
    return lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + Number(lineCol[2]) - 1;
  }
  if (/end of (JSON )?(input|data)/i.test(message)) return text.length;
  return undefined;
}

export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return t('keys.lineColumn', { line, column });
}

/** Text that starts with "{": a JWK or a JWKS, or a located error. */
export function parseJwkText(text: string, now: Date): KeyParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const offset = jsonErrorOffset(raw, text);
    const reason = raw.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '').replace(/ at line \d+ column \d+ of the JSON data$/, '');
    const message = offset === undefined ? t('keys.jsonInvalid', { reason }) : t('keys.jsonInvalidAt', { where: lineColumn(text, offset), reason });
    return { ok: false, error: { message, ...(offset !== undefined ? { offset } : {}) } };
  }
  if (!isObject(value)) return { ok: false, error: { message: t('keys.notObject') } };
  const warnings: string[] = [];
  if ('keys' in value) return parseJwks(value.keys, now, warnings);
  if (!('kty' in value)) {
    const message =
      typeof value.jwks_uri === 'string'
        ? t('keys.discovery', { uri: value.jwks_uri })
        : 'alg' in value || 'typ' in value
          ? t('keys.tokenHeader')
          : t('keys.notJwk');
    return { ok: false, error: { message } };
  }
  try {
    const key = jwkToParsedKey(value, now, warnings);
    return { ok: true, format: 'jwk', formatLabel: 'JWK', keys: [key], warnings };
  } catch (error) {
    return { ok: false, error: problemOf(error) };
  }
}

function parseJwks(keys: unknown, now: Date, warnings: string[]): KeyParseResult {
  if (!Array.isArray(keys)) return { ok: false, error: { message: t('keys.jwksKeysNotArray') } };
  if (keys.length === 0) return { ok: false, error: { message: t('keys.jwksEmpty') } };
  const parsed: ParsedKey[] = [];
  const problems: string[] = [];
  keys.forEach((entry, i) => {
    const kid = isObject(entry) && typeof entry.kid === 'string' ? entry.kid : undefined;
    const keyWarnings: string[] = [];
    try {
      parsed.push(jwkToParsedKey(entry, now, keyWarnings, i));
      warnings.push(...keyWarnings.map((warning) => (kid === undefined ? t('keys.jwksKeyWarning', { index: i, warning }) : t('keys.jwksKeyWarningKid', { index: i, kid, warning }))));
    } catch (error) {
      const reason = problemOf(error).message;
      problems.push(kid === undefined ? t('keys.jwksKeySkipped', { index: i, reason }) : t('keys.jwksKeySkippedKid', { index: i, kid, reason }));
    }
  });
  if (parsed.length === 0) {
    return { ok: false, error: { message: t('keys.jwksNoneUsable', { count: keys.length, problems: problems.join(' ') }) } };
  }
  return { ok: true, format: 'jwks', formatLabel: t('keys.jwksLabel', { count: keys.length }), keys: parsed, warnings: [...problems, ...warnings] };
}
