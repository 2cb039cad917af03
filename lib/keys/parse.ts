/** parseKeyText: whatever was pasted, as JWKs, synchronously and without throwing. */
import { type DerNode, readNode, readWhole } from './der';
import { PEM_FORMATS, QUIET_PEM_LABELS, classify, derChoice, detectPemFormat, encryptedMessage, formatLabel, pemLabelProblem } from './detect';
import { toParsedKey } from './describe';
import { keyTextVisibility } from './visibility';
import { KeyError, problemOf } from './errors';
import { curveMathsLoaded, loadCurveMaths } from './curves';
import { loadMlDsaKeygen, mlDsaKeygenLoaded } from './mldsa-keygen';
import { parseJwkText } from './jwk';
import { type PemBlock, decodePemBody, findPemBlocks } from './pem';
import { pkcs8ToJwk } from './pkcs8';
import { rsaPrivateToJwk, rsaPublicToJwk } from './pkcs1';
import { ecPrivateToJwk } from './sec1';
import { spkiToJwk } from './spki';
import { certificateToJwk } from './x509';
import type { CertificateSummary, Jwk, KeyFormat, KeyParseResult, KeyProblem, SecretEncoding } from './types';
import { parseSecret } from './secret';
import { t } from './messages';

export interface ParseOptions {
  /** How text that is not a structured key becomes secret bytes (default utf8). */
  secretEncoding?: SecretEncoding;
  /** The time certificates are checked against (default: now). */
  now?: Date;
}

type DerFormat = Exclude<KeyFormat, 'secret' | 'jwk' | 'jwks'>;
interface Decoded {
  jwk: Jwk;
  pss?: boolean;
  certificate?: CertificateSummary;
}

const DECODERS: Record<DerFormat, (node: DerNode, now: Date) => Decoded> = {
  'pem-spki': (node) => {
    const key = spkiToJwk(node);
    return { jwk: key.jwk, pss: key.algorithm.kind === 'RSA' && key.algorithm.pss };
  },
  'pem-pkcs1-public': (node) => ({ jwk: rsaPublicToJwk(node) }),
  'pem-x509': (node, now) => {
    const cert = certificateToJwk(node, now);
    return { jwk: cert.jwk, certificate: cert.certificate, pss: cert.algorithm.kind === 'RSA' && cert.algorithm.pss };
  },
  'pem-pkcs8': (node) => {
    const key = pkcs8ToJwk(node);
    return { jwk: key.jwk, pss: key.algorithm.kind === 'RSA' && key.algorithm.pss };
  },
  'pem-pkcs1-private': (node) => ({ jwk: rsaPrivateToJwk(node) }),
  'pem-sec1': (node) => ({ jwk: ecPrivateToJwk(node) }),
};

/** The order in which unlabelled (or mislabelled) DER is tried. */
const TRY_ORDER: DerFormat[] = ['pem-x509', 'pem-spki', 'pem-pkcs8', 'pem-pkcs1-private', 'pem-pkcs1-public', 'pem-sec1'];

/** "an SPKI public key", "a PKCS#1 RSA private key"…, in the language shown. */
const nameOf = (format: DerFormat) => t('keys.nameOf', { format: derChoice(format) });

/** The warning a pasted private key gets, in English (privateKeyWarning() words it in the language shown). */
export const PRIVATE_KEY_WARNING = 'A private key was pasted; only its public part is needed to verify.';

/** The warning a pasted private key gets, in the language shown. */
export const privateKeyWarning = () => t('keys.privateKeyWarning');

/** The DER of a private key in PEM or bare base64, or nothing when the text holds none. */
function privateDerOf(text: string): Uint8Array[] {
  const shape = classify(text);
  if (shape.kind === 'bare-der') return [shape.bytes];
  if (shape.kind !== 'pem' || keyTextVisibility(text) !== 'private') return [];
  try {
    return findPemBlocks(text)
      .filter((block) => block.label.endsWith('PRIVATE KEY'))
      .map((block) => decodePemBody(block));
  } catch {
    return [];
  }
}

/** The DER encoding of the ML-DSA OIDs (RFC 9881), 2.16.840.1.101.3.4.3.17–19, without the last byte. */
const ML_DSA_OID_PREFIX = [0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03];

function holdsMlDsaOid(der: Uint8Array): boolean {
  // The algorithm identifier sits in the first few dozen bytes of a PKCS#8 key.
  const end = Math.min(der.length - ML_DSA_OID_PREFIX.length, 64);
  for (let start = 0; start < end; start++) {
    if (ML_DSA_OID_PREFIX.every((byte, i) => der[start + i] === byte)) {
      const last = der[start + ML_DSA_OID_PREFIX.length]!;
      if (last >= 0x11 && last <= 0x13) return true;
    }
  }
  return false;
}

/**
 * True when reading this text may mean deriving a public key from a private
 * EC or OKP key (in PEM or bare DER), which needs loadCurveMaths first.
 */
export function keyTextNeedsCurveMaths(text: string): boolean {
  if (curveMathsLoaded()) return false;
  return privateDerOf(text).some((der) => !holdsMlDsaOid(der));
}

/** True when the text holds an ML-DSA private key, whose public key needs loadMlDsaKeygen first. */
export function keyTextNeedsMlDsaKeygen(text: string): boolean {
  if (mlDsaKeygenLoaded()) return false;
  return privateDerOf(text).some(holdsMlDsaOid);
}

/** True when parseKeyText would need code that is not loaded yet (see loadMathsFor). */
export function keyTextNeedsMaths(text: string): boolean {
  return keyTextNeedsCurveMaths(text) || keyTextNeedsMlDsaKeygen(text);
}

/** Loads what reading this text needs: the curve arithmetic or the ML-DSA key generation, for private keys only. */
export async function loadMathsFor(text: string): Promise<void> {
  await Promise.all([keyTextNeedsCurveMaths(text) ? loadCurveMaths() : undefined, keyTextNeedsMlDsaKeygen(text) ? loadMlDsaKeygen() : undefined]);
}

/** parseKeyText, after loading what this text needs. */
export async function readKeyText(text: string, options: ParseOptions = {}): Promise<KeyParseResult> {
  await loadMathsFor(text);
  return parseKeyText(text, options);
}

/**
 * Reads key text synchronously. A private EC or OKP key in PEM or DER that
 * lacks its public part needs loadCurveMaths() first (readKeyText does that);
 * everything else reads as it is.
 */
export function parseKeyText(text: string, options: ParseOptions = {}): KeyParseResult {
  const now = options.now ?? new Date();
  try {
    const shape = classify(text);
    switch (shape.kind) {
      case 'empty':
        return { ok: false, error: { message: t('keys.noKey'), offset: 0 } };
      case 'foreign':
        return { ok: false, error: shape.problem };
      case 'json':
        return withPrivateWarning(parseJwkText(text, now));
      case 'pem':
        return withPrivateWarning(parsePem(text, now));
      case 'bare-der': {
        const bare = parseBareDer(shape.bytes, now);
        if (bare) return withPrivateWarning(bare);
        return parseSecret(text, options.secretEncoding ?? 'utf8');
      }
      case 'secret':
        return parseSecret(text, options.secretEncoding ?? 'utf8');
    }
  } catch (error) {
    return { ok: false, error: problemOf(error) };
  }
}

function withPrivateWarning(result: KeyParseResult): KeyParseResult {
  if (result.ok && result.keys.some((k) => k.visibility === 'private')) {
    return { ...result, warnings: [privateKeyWarning(), ...result.warnings] };
  }
  return result;
}

function success(format: DerFormat, decoded: Decoded, warnings: string[], label = formatLabel(format)): KeyParseResult {
  const { certificate } = decoded;
  if (certificate?.expired) warnings.push(t('keys.certExpired', { date: certificate.notAfter }));
  if (certificate?.notYetValid) warnings.push(t('keys.certNotYetValid', { date: certificate.notBefore }));
  const key = toParsedKey(decoded.jwk, { ...(decoded.pss ? { note: 'RSASSA-PSS' } : {}), ...(certificate ? { certificate } : {}) });
  return { ok: true, format, formatLabel: label, keys: [key], warnings };
}

/** Tries every DER structure in turn; the first that reads wins. */
function tryAll(der: Uint8Array, now: Date, except?: DerFormat): { format: DerFormat; decoded: Decoded } | undefined {
  for (const format of TRY_ORDER) {
    if (format === except) continue;
    try {
      return { format, decoded: DECODERS[format](readWhole(der), now) };
    } catch {
      // not this one
    }
  }
  return undefined;
}

function parseBareDer(der: Uint8Array, now: Date): KeyParseResult | undefined {
  const found = tryAll(der, now);
  if (!found) return undefined;
  const warning = t('keys.noArmour', { name: nameOf(found.format) });
  return success(found.format, found.decoded, [warning], t('keys.formatBareDer', { format: derChoice(found.format) }));
}

function parsePem(text: string, now: Date): KeyParseResult {
  const blocks = findPemBlocks(text);
  const chosen = blocks.find((b) => PEM_FORMATS[b.label]);
  if (!chosen) {
    const first = blocks.find((b) => !QUIET_PEM_LABELS.has(b.label)) ?? blocks[0]!;
    return { ok: false, error: { message: pemLabelProblem(first.label), offset: first.start } };
  }
  const format = PEM_FORMATS[chosen.label]! as DerFormat;
  if (/ENCRYPTED/i.test(chosen.headers['Proc-Type'] ?? '')) {
    return { ok: false, error: { message: encryptedMessage(), offset: chosen.start } };
  }
  const warnings = otherBlockWarnings(blocks, chosen, format);
  const der = decodePemBody(chosen);
  let node: DerNode;
  try {
    // A TRUSTED CERTIFICATE is a certificate followed by OpenSSL's trust settings.
    node = chosen.label === 'TRUSTED CERTIFICATE' ? readNode(der) : readWhole(der);
    return success(format, DECODERS[format](node, now), warnings);
  } catch (error) {
    const fallback = tryAll(der, now, format);
    if (fallback) {
      warnings.push(t('keys.mislabelled', { label: chosen.label, name: nameOf(fallback.format) }));
      return success(fallback.format, fallback.decoded, warnings);
    }
    return { ok: false, error: located(chosen, error) };
  }
}

function located(block: PemBlock, error: unknown): KeyProblem {
  const problem = problemOf(error, block.start);
  const message = error instanceof KeyError ? t('keys.blockUnreadable', { label: block.label, reason: problem.message }) : problem.message;
  return { ...problem, message };
}

function otherBlockWarnings(blocks: PemBlock[], chosen: PemBlock, format: DerFormat): string[] {
  const others = blocks.filter((b) => b !== chosen && !QUIET_PEM_LABELS.has(b.label));
  if (others.length === 0) return [];
  if (format === 'pem-x509' && others.every((b) => PEM_FORMATS[b.label] === 'pem-x509') && blocks.indexOf(chosen) === 0) {
    return [t('keys.chain', { count: others.length + 1 })];
  }
  const what = format === 'pem-x509' ? 'certificate' : 'key';
  return [t('keys.otherBlocks', { count: others.length + 1, what, label: chosen.label, ignored: others.length })];
}

/** A cheap look at the text, for showing "detected: …" while the user types. */
export function detectKeyFormat(text: string): { format: KeyFormat | null; label: string; problem?: KeyProblem } {
  const shape = classify(text);
  switch (shape.kind) {
    case 'empty':
      return { format: null, label: t('keys.nothingYet') };
    case 'foreign':
      return { format: null, label: shape.label, problem: shape.problem };
    case 'pem':
      return detectPemFormat(text);
    case 'json':
    case 'bare-der': {
      const result = parseKeyText(text);
      if (result.ok) return { format: result.format, label: result.formatLabel };
      return { format: shape.kind === 'json' ? 'jwk' : null, label: shape.kind === 'json' ? 'JWK' : 'DER', problem: result.error };
    }
    case 'secret':
      return { format: 'secret', label: formatLabel('secret') };
  }
}
