/** JWK (RFC 7517/7518/8037) and JWKS text: checks each key's members and says which one is wrong. */
import { base64Decode, base64urlDecode } from './base64';
import { EC_CURVES, OKP_CURVES, ecPointToXY, isEcCurve, isOkpCurve } from './curves';
import { readWhole } from './der';
import { toParsedKey } from './describe';
import { KeyError, problemOf } from './errors';
import { ML_DSA, ML_DSA_SEED_BYTES, isMlDsaName } from './mldsa-params';
import { certificateToJwk } from './x509';
import type { CertificateSummary, Jwk, KeyParseResult, ParsedKey } from './types';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A required or optional base64url member; returns its bytes. */
function member(jwk: Record<string, unknown>, name: string, required: boolean, what: string): Uint8Array | undefined {
  const value = jwk[name];
  if (value === undefined) {
    if (required) throw new KeyError(`The ${what} JWK is missing the "${name}" member.`);
    return undefined;
  }
  if (typeof value !== 'string') throw new KeyError(`The JWK member "${name}" must be a base64url string, not ${typeof value}.`);
  const decoded = base64urlDecode(value);
  if (!decoded.ok) throw new KeyError(`The JWK member "${name}" is not valid base64url: ${decoded.message}`);
  if (decoded.bytes.length === 0) throw new KeyError(`The JWK member "${name}" is empty.`);
  return decoded.bytes;
}

function checkLength(bytes: Uint8Array | undefined, expected: number, name: string, curve: string): void {
  if (bytes && bytes.length !== expected) {
    throw new KeyError(`The JWK member "${name}" of a ${curve} key must be ${expected} bytes; it is ${bytes.length}.`);
  }
}

/** Validates one JWK object and describes it. Throws KeyError (caught by the callers below). */
export function jwkToParsedKey(value: unknown, now: Date, warnings: string[], index?: number): ParsedKey {
  if (!isObject(value)) throw new KeyError('A JWK must be a JSON object.');
  const kty = value.kty;
  if (kty === undefined) throw new KeyError('The JWK has no "kty" member, so its key type is unknown.');
  if (typeof kty !== 'string') throw new KeyError('The JWK member "kty" must be a string.');
  switch (kty) {
    case 'RSA': {
      member(value, 'n', true, 'RSA');
      member(value, 'e', true, 'RSA');
      const hasD = member(value, 'd', false, 'RSA') !== undefined;
      const crt = ['p', 'q', 'dp', 'dq', 'qi'].filter((m) => member(value, m, false, 'RSA') !== undefined);
      if (hasD && crt.length < 5) {
        warnings.push('This RSA private JWK lacks some of p, q, dp, dq, qi; WebCrypto needs all of them to sign or decrypt with it.');
      }
      break;
    }
    case 'EC': {
      const crv = value.crv;
      if (crv === undefined) throw new KeyError('The EC JWK is missing the "crv" member.');
      if (!isEcCurve(crv)) throw new KeyError(`The EC curve "${String(crv)}" is not one JOSE uses (P-256, P-384, P-521, secp256k1).`);
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
      if (crv === undefined) throw new KeyError('The OKP JWK is missing the "crv" member.');
      if (!isOkpCurve(crv)) throw new KeyError(`The OKP curve "${String(crv)}" is not one JOSE uses (Ed25519, Ed448, X25519, X448).`);
      const size = OKP_CURVES[crv].bytes;
      checkLength(member(value, 'x', true, 'OKP'), size, 'x', crv);
      checkLength(member(value, 'd', false, 'OKP'), size, 'd', crv);
      break;
    }
    case 'oct':
      member(value, 'k', true, 'oct (secret)');
      break;
    case 'AKP': {
      // draft-ietf-cose-dilithium: "alg" is required and fixes the sizes; "priv" is the 32-byte seed.
      const alg = value.alg;
      if (alg === undefined) throw new KeyError('The AKP JWK has no "alg" member; an AKP key is only usable with the algorithm it names.');
      if (!isMlDsaName(alg)) throw new KeyError(`The AKP algorithm "${String(alg)}" is not one this tool knows (ML-DSA-44, ML-DSA-65, ML-DSA-87).`);
      checkLength(member(value, 'pub', true, 'AKP'), ML_DSA[alg].publicKeyBytes, 'pub', alg);
      checkLength(member(value, 'priv', false, 'AKP'), ML_DSA_SEED_BYTES, 'priv', alg);
      break;
    }
    default:
      throw new KeyError(`The JWK key type "${kty}" is unknown; JOSE uses RSA, EC, OKP, AKP and oct.`);
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
    warnings.push('The JWK\'s "x5c" member is not an array of certificates; it was ignored.');
    return undefined;
  }
  // x5c holds standard base64 DER, not base64url (RFC 7517 §4.7).
  const decoded = base64Decode(first);
  try {
    if (!decoded.ok) throw new KeyError(decoded.message);
    const cert = certificateToJwk(readWhole(decoded.bytes), now);
    const same = ['n', 'e', 'crv', 'x', 'y'].every((m) => cert.jwk[m] === jwk[m]);
    if (!same) warnings.push('The certificate in the JWK\'s "x5c" holds a different key than the JWK itself.');
    return cert.certificate;
  } catch (error) {
    warnings.push(`The JWK's "x5c" certificate could not be read: ${problemOf(error).message}`);
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
  return `line ${line}, column ${column}`;
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
    const where = offset === undefined ? '' : ` at ${lineColumn(text, offset)}`;
    return {
      ok: false,
      error: { message: `This looks like a JWK or JWKS, but the JSON is not valid${where}: ${reason}.`, ...(offset !== undefined ? { offset } : {}) },
    };
  }
  if (!isObject(value)) return { ok: false, error: { message: 'A JWK or JWKS must be a JSON object.' } };
  const warnings: string[] = [];
  if ('keys' in value) return parseJwks(value.keys, now, warnings);
  if (!('kty' in value)) {
    const message =
      typeof value.jwks_uri === 'string'
        ? `This is a discovery document, not a key; the keys are at its jwks_uri (${value.jwks_uri}). Fetch that JWKS and paste it here.`
        : 'alg' in value || 'typ' in value
          ? 'This JSON looks like a token header, not a key; a JWK has a "kty" member.'
          : 'This JSON is not a JWK (it has no "kty" member) nor a JWKS (it has no "keys" array).';
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
  if (!Array.isArray(keys)) return { ok: false, error: { message: 'The JWKS member "keys" must be an array of JWKs.' } };
  if (keys.length === 0) return { ok: false, error: { message: 'The JWKS has no keys (its "keys" array is empty).' } };
  const parsed: ParsedKey[] = [];
  const problems: string[] = [];
  keys.forEach((entry, i) => {
    const kid = isObject(entry) && typeof entry.kid === 'string' ? ` (kid "${entry.kid}")` : '';
    const keyWarnings: string[] = [];
    try {
      parsed.push(jwkToParsedKey(entry, now, keyWarnings, i));
      warnings.push(...keyWarnings.map((w) => `Key ${i}${kid}: ${w}`));
    } catch (error) {
      problems.push(`Key ${i}${kid} was skipped: ${problemOf(error).message}`);
    }
  });
  const count = `${keys.length} key${keys.length === 1 ? '' : 's'}`;
  if (parsed.length === 0) {
    return { ok: false, error: { message: `None of the JWKS's ${count} can be used. ${problems.join(' ')}` } };
  }
  return { ok: true, format: 'jwks', formatLabel: `JWKS with ${count}`, keys: parsed, warnings: [...problems, ...warnings] };
}
