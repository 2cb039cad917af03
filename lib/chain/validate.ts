/**
 * Certificate path validation for "x5c" chains and pasted PEM chains.
 * The verdict comes from PKI.js's CertificateChainValidationEngine (path
 * building, signatures, validity at the check date, name chaining,
 * basicConstraints and keyUsage of CA certificates, name constraints); we do
 * not validate paths ourselves. Each certificate is then looked at on its own,
 * again with PKI.js's primitives, so the list can say which one is at fault.
 * PKI.js is large: this module is loaded with import() only when a chain is shown.
 *
 * PKI.js's path builder does not remember where it has been: two certificates
 * that issue each other send it round for ever. So a chain longer than
 * MAX_CHAIN_LENGTH is refused outright, and path building runs on a budget of
 * issuer look-ups and time; when the budget runs out the verdict says it stopped,
 * and where the loop is when there is one.
 */
import * as pkijs from 'pkijs';
import { NAME_ATTRIBUTES } from '@/lib/keys/oids';
import { t } from './messages';

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function encodeBase64Url(bytes: Uint8Array): string {
  return base64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function toPem(label: string, der: Uint8Array): string {
  return `-----BEGIN ${label}-----\n${(base64(der).match(/.{1,64}/g) ?? []).join('\n')}\n-----END ${label}-----\n`;
}

export type CertState = 'valid' | 'invalid' | 'untrusted';

export interface ChainCertificate {
  /** 0 for the leaf; anchors that complete the path come last. */
  position: number;
  source: 'chain' | 'anchor';
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  serialNumber: string;
  isCa: boolean;
  selfSigned: boolean;
  state: CertState;
  /** Why the certificate is invalid (empty when it is not). */
  problems: string[];
  pem: string;
}

export interface ThumbprintCheck {
  header: 'x5t' | 'x5t#S256';
  expected: string;
  actual: string;
  matches: boolean;
}

export type ChainValidation =
  | {
      ok: true;
      verdict: CertState;
      /** One or two sentences on the whole path. */
      message: string;
      certificates: ChainCertificate[];
      thumbprints: ThumbprintCheck[];
      checkedAt: string;
    }
  | { ok: false; error: string };

export interface ChainInput {
  /** DER certificates, leaf first. */
  chain: Uint8Array[];
  /** DER certificates the user trusts (roots, or any certificate to stop at). */
  anchors: Uint8Array[];
  /** Check as of this time instead of now. */
  at?: Date;
  /** The token's header, for x5t / x5t#S256. */
  header?: Record<string, unknown> | null;
}

/** The most certificates a chain may hold, as common verifiers allow. */
export const MAX_CHAIN_LENGTH = 10;
/** Issuer look-ups path building may make: an honest chain needs about one per certificate. */
const PATH_STEPS = 64;
/** Wall-clock time path building may take. */
const PATH_TIME_MS = 3_000;

class PathBuildingStopped extends Error {}

const ID_BASIC_CONSTRAINTS = '2.5.29.19';
const ID_KEY_USAGE = '2.5.29.15';

function engine(): pkijs.CryptoEngine {
  return new pkijs.CryptoEngine({ name: 'webcrypto', crypto: globalThis.crypto });
}

function formatName(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((entry) => {
      const value = (entry.value as { valueBlock?: { value?: unknown } }).valueBlock?.value;
      return `${(Object.hasOwn(NAME_ATTRIBUTES, entry.type) ? NAME_ATTRIBUTES[entry.type] : undefined) ?? entry.type}=${typeof value === 'string' ? value : '…'}`;
    })
    .reverse()
    .join(', ');
}

function extension(cert: pkijs.Certificate, id: string): pkijs.Extension | undefined {
  return cert.extensions?.find((entry) => entry.extnID === id);
}

function isCa(cert: pkijs.Certificate): boolean {
  const parsed = extension(cert, ID_BASIC_CONSTRAINTS)?.parsedValue as pkijs.BasicConstraints | undefined;
  return parsed?.cA === true;
}

/** The keyUsage bits (RFC 5280 §4.2.1.3) as the first byte, or undefined when the extension is absent. */
function keyUsageByte(cert: pkijs.Certificate): number | undefined {
  const parsed = extension(cert, ID_KEY_USAGE)?.parsedValue as { valueBlock?: { valueHexView?: Uint8Array } } | undefined;
  if (!parsed) return undefined;
  return parsed.valueBlock?.valueHexView?.[0] ?? 0;
}

const DIGITAL_SIGNATURE = 0x80;
const KEY_CERT_SIGN = 0x04;

async function signedBy(cert: pkijs.Certificate, issuer: pkijs.Certificate, crypto: pkijs.CryptoEngine): Promise<boolean> {
  try {
    return await cert.verify(issuer, crypto);
  } catch {
    return false;
  }
}

function day(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

/** Which certificate is meant, for the message when it does not parse. */
type Which = { role: 'leaf' } | { role: 'chain' | 'anchor'; number: number };

function parse(der: Uint8Array, which: Which): pkijs.Certificate | string {
  try {
    return pkijs.Certificate.fromBER(der as Uint8Array<ArrayBuffer>);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (which.role === 'leaf') return t('chain.leafNotCertificate', { reason });
    return which.role === 'chain' ? t('chain.certificateNotCertificate', { n: which.number, reason }) : t('chain.anchorNotCertificate', { n: which.number, reason });
  }
}

async function sha(name: 'SHA-1' | 'SHA-256', der: Uint8Array): Promise<string> {
  return encodeBase64Url(new Uint8Array(await crypto.subtle.digest(name, der as Uint8Array<ArrayBuffer>)));
}

async function thumbprints(leaf: Uint8Array, header: Record<string, unknown> | null | undefined): Promise<ThumbprintCheck[]> {
  const checks: ThumbprintCheck[] = [];
  for (const [name, hash] of [['x5t', 'SHA-1'], ['x5t#S256', 'SHA-256']] as const) {
    const expected = header?.[name];
    if (typeof expected !== 'string') continue;
    const actual = await sha(hash, leaf);
    checks.push({ header: name, expected, actual, matches: expected === actual });
  }
  return checks;
}

export async function validateChain(input: ChainInput): Promise<ChainValidation> {
  try {
    return await validate(input);
  } catch (error) {
    return { ok: false, error: t('chain.couldNotCheck', { reason: error instanceof Error ? error.message : String(error) }) };
  }
}

/** PKI.js's own issuer search, counted: past the budget it throws, which ends path building. */
function budgetedFindIssuer(): pkijs.FindIssuerCallback {
  let steps = 0;
  const deadline = Date.now() + PATH_TIME_MS;
  return (certificate, engine, crypto) => {
    steps += 1;
    if (steps > PATH_STEPS) throw new PathBuildingStopped(t('chain.gaveUpAfterSteps', { steps: PATH_STEPS }));
    if (Date.now() > deadline) throw new PathBuildingStopped(t('chain.gaveUpAfterTime', { seconds: PATH_TIME_MS / 1000 }));
    return engine.defaultFindIssuer(certificate, engine, crypto);
  };
}

/**
 * The first loop among the chain's certificates, as indexes in issuing order
 * (each certificate is issued, name and signature, by the next; the last by the
 * first), or undefined. At most MAX_CHAIN_LENGTH certificates, so a plain search.
 */
async function findLoop(certs: pkijs.Certificate[], crypto: pkijs.CryptoEngine): Promise<number[] | undefined> {
  const issuers: number[][] = [];
  for (const cert of certs) {
    const found: number[] = [];
    for (const [index, candidate] of certs.entries()) {
      if (candidate !== cert && cert.issuer.isEqual(candidate.subject) && (await signedBy(cert, candidate, crypto))) found.push(index);
    }
    issuers.push(found);
  }
  const walk = (path: number[]): number[] | undefined => {
    for (const next of issuers[path.at(-1)!]!) {
      const seen = path.indexOf(next);
      if (seen >= 0) return path.slice(seen);
      const loop = walk([...path, next]);
      if (loop) return loop;
    }
    return undefined;
  };
  for (const start of certs.keys()) {
    const loop = walk([start]);
    if (loop) return loop;
  }
  return undefined;
}

async function validate({ chain, anchors, at, header }: ChainInput): Promise<ChainValidation> {
  if (chain.length === 0) return { ok: false, error: t('chain.noCertificate') };
  if (chain.length > MAX_CHAIN_LENGTH) {
    return { ok: false, error: t('chain.tooLong', { count: chain.length, max: MAX_CHAIN_LENGTH }) };
  }
  const checkDate = at ?? new Date();
  const crypto = engine();
  const derOf = new Map<pkijs.Certificate, Uint8Array>();
  const certs: pkijs.Certificate[] = [];
  for (const [index, der] of chain.entries()) {
    const cert = parse(der, index === 0 ? { role: 'leaf' } : { role: 'chain', number: index + 1 });
    if (typeof cert === 'string') return { ok: false, error: cert };
    certs.push(cert);
    derOf.set(cert, der);
  }
  const trusted: pkijs.Certificate[] = [];
  for (const [index, der] of anchors.entries()) {
    const cert = parse(der, { role: 'anchor', number: index + 1 });
    if (typeof cert === 'string') return { ok: false, error: cert };
    trusted.push(cert);
    derOf.set(cert, der);
  }

  // The engine's verdict over the whole path.
  let engineResult: { result: boolean; resultCode: number; resultMessage: string; error?: unknown } | undefined;
  if (trusted.length > 0) {
    const validator = new pkijs.CertificateChainValidationEngine({ trustedCerts: trusted, certs: [...certs].reverse(), checkDate, findIssuer: budgetedFindIssuer() });
    engineResult = await validator.verify({}, crypto);
  }
  const stopped = engineResult?.error instanceof PathBuildingStopped ? engineResult.error.message : undefined;
  const loop = stopped === undefined ? undefined : await findLoop(certs, crypto);

  // The anchor that issued the top certificate, when it is not itself in the chain.
  const top = certs[certs.length - 1]!;
  const isAnchor = (cert: pkijs.Certificate) => trusted.some((anchor) => sameBytes(derOf.get(anchor)!, derOf.get(cert)!));
  let topAnchor: pkijs.Certificate | undefined;
  if (!isAnchor(top) && !top.subject.isEqual(top.issuer)) {
    for (const anchor of trusted) {
      if (anchor.subject.isEqual(top.issuer) && (await signedBy(top, anchor, crypto))) {
        topAnchor = anchor;
        break;
      }
    }
  }

  const list: ChainCertificate[] = [];
  const all = topAnchor ? [...certs, topAnchor] : certs;
  for (const [index, cert] of all.entries()) {
    const problems: string[] = [];
    const source = index < certs.length ? 'chain' : 'anchor';
    const notBefore = cert.notBefore.value;
    const notAfter = cert.notAfter.value;
    if (checkDate < notBefore) problems.push(t('chain.notYetValid', { date: day(notBefore) }));
    if (checkDate > notAfter) problems.push(t('chain.expired', { date: day(notAfter) }));
    const selfSigned = cert.subject.isEqual(cert.issuer);
    const issuer = all[index + 1];
    if (issuer) {
      if (!cert.issuer.isEqual(issuer.subject)) {
        problems.push(t('chain.issuerNotNextSubject', { issuer: formatName(cert.issuer), subject: formatName(issuer.subject) }));
      } else if (!(await signedBy(cert, issuer, crypto))) {
        problems.push(t('chain.signedByAnotherKey', { subject: formatName(issuer.subject) }));
      }
    } else if (selfSigned && !(await signedBy(cert, cert, crypto))) {
      problems.push(t('chain.selfSignatureBroken'));
    }
    if (loop?.includes(index)) {
      const issuerInLoop = loop[(loop.indexOf(index) + 1) % loop.length]!;
      problems.push(t('chain.inLoop', { loop: loopText(loop), issuer: issuerInLoop + 1 }));
    }
    const usage = keyUsageByte(cert);
    if (index > 0) {
      if (!isCa(cert)) problems.push(t('chain.notCa'));
      else if (usage !== undefined && (usage & KEY_CERT_SIGN) === 0) problems.push(t('chain.noKeyCertSign'));
    } else if (usage !== undefined && (usage & DIGITAL_SIGNATURE) === 0) {
      problems.push(t('chain.noDigitalSignature'));
    }
    const der = derOf.get(cert)!;
    list.push({
      position: index,
      source,
      subject: formatName(cert.subject),
      issuer: formatName(cert.issuer),
      notBefore: day(notBefore),
      notAfter: day(notAfter),
      serialNumber: hex(cert.serialNumber.valueBlock.valueHexView),
      isCa: isCa(cert),
      selfSigned,
      state: problems.length > 0 ? 'invalid' : 'untrusted',
      problems,
      pem: toPem('CERTIFICATE', der),
    });
  }

  const anyProblem = list.some((entry) => entry.problems.length > 0);
  const reachedAnchor = topAnchor !== undefined || all.some(isAnchor);
  let verdict: CertState;
  let message: string;
  if (stopped !== undefined) {
    verdict = 'invalid';
    message = loop ? t('chain.stoppedInLoop', { loop: loopText(loop), reason: stopped }) : t('chain.stopped', { reason: stopped });
  } else if (!engineResult) {
    verdict = anyProblem ? 'invalid' : 'untrusted';
    message = anyProblem ? t('chain.brokenWithoutRoot') : t('chain.holdsWithoutRoot');
  } else if (engineResult.result && anyProblem) {
    verdict = 'invalid';
    message = t('chain.trustedPathBreaksRule');
  } else if (engineResult.result) {
    verdict = 'valid';
    message = t('chain.valid', { date: day(checkDate) });
  } else {
    const notAnchored = !anyProblem && !reachedAnchor;
    verdict = notAnchored ? 'untrusted' : 'invalid';
    message = notAnchored ? t('chain.notAnchored') : t('chain.pathInvalid', { date: day(checkDate), reason: engineResult.resultMessage });
    if (!anyProblem && !notAnchored && list[0]) {
      list[0].problems.push(engineResult.resultMessage);
      list[0].state = 'invalid';
    }
  }
  // Per certificate: valid when it and everything above it up to a trusted certificate holds.
  let holdsAbove = engineResult !== undefined && reachedAnchor;
  for (const entry of [...list].reverse()) {
    if (entry.problems.length > 0) holdsAbove = false;
    else entry.state = holdsAbove ? 'valid' : 'untrusted';
  }
  return { ok: true, verdict, message, certificates: list, thumbprints: await thumbprints(chain[0]!, header), checkedAt: day(checkDate) };
}

/** "certificate 1 → certificate 2 → certificate 1": who issued whom, back to the start. */
function loopText(loop: number[]): string {
  return [...loop, loop[0]!].map((index) => t('chain.loopCertificate', { n: index + 1 })).join(' → ');
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
