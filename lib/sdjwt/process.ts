// Processes an SD-JWT as a verifier does (RFC 9901 §7.1 and §7.3): computes each
// disclosure's digest, finds it in the `_sd` arrays and `{"...": digest}` array entries
// at any depth (inside disclosed values too), and builds the claims the verifier ends
// up with. Every rule the processing would reject on is reported as a located problem
// instead, so the whole picture shows at once.

import { decodeDisclosure, RESERVED_CLAIM_NAMES } from './disclosure';
import { isSupportedSdAlg, sdDigest, SUPPORTED_SD_ALGS } from './digest';
import { t } from './messages';
import type { SdJwtLayout } from './split';
import type { DisclosureReport, JsonValue, SdJwtAnalysis, SdProblem } from './types';

/** Claims SD-JWT VC issuers must not make selectively disclosable (SD-JWT VC §3.2.2.2). */
const VC_NEVER_DISCLOSED = ['iss', 'nbf', 'exp', 'cnf', 'vct', 'vct#integrity', 'status'];
const VC_TYPES = new Set(['dc+sd-jwt', 'vc+sd-jwt']);
const MAX_DEPTH = 64;

function isObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sets an own property even for names like "__proto__", which plain assignment would not. */
function setOwn(target: Record<string, JsonValue>, name: string, value: JsonValue): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

const PLAIN_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function child(path: string, name: string | number): string {
  if (typeof name === 'number') return `${path}[${name}]`;
  return PLAIN_NAME.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`;
}

export interface AnalyseOptions {
  /** The issuer JWT's header, to recognise an SD-JWT VC by its typ. */
  header?: Record<string, unknown> | null;
}

/** Analyses the disclosures against the issuer JWT's payload. Never throws. */
export async function analyseSdJwt(layout: SdJwtLayout, payload: unknown, options: AnalyseOptions = {}): Promise<SdJwtAnalysis> {
  const problems: SdProblem[] = [];
  const rawAlg = isObject(payload) && Object.hasOwn(payload, '_sd_alg') ? payload._sd_alg : 'sha-256';
  const sdAlg = typeof rawAlg === 'string' ? rawAlg : JSON.stringify(rawAlg);
  const algSupported = isSupportedSdAlg(rawAlg);
  if (!algSupported) {
    problems.push({
      severity: 'error',
      message: t('sdjwt.sdAlgUnsupportedNoMatch', { alg: sdAlg, supported: SUPPORTED_SD_ALGS.join(', ') }),
      path: '$._sd_alg',
    });
  }

  const disclosures: DisclosureReport[] = await Promise.all(
    layout.disclosures.map(async (part, index) => ({
      index,
      text: part.text,
      start: part.start,
      decoded: decodeDisclosure(part.text),
      digest: algSupported && part.text.length > 0 ? await sdDigest(rawAlg, part.text) : null,
      foundAt: null,
      state: 'unmatched' as const,
    })),
  );

  const locate = (report: DisclosureReport) => ({ disclosure: report.index, offset: report.start, length: Math.max(report.text.length, 1) });
  const byDigest = new Map<string, DisclosureReport>();
  for (const report of disclosures) {
    if (!report.decoded.ok) {
      problems.push({ severity: 'error', message: t('sdjwt.disclosureMalformed', { n: report.index + 1, reason: report.decoded.error }), ...locate(report) });
    }
    if (report.digest === null) continue;
    const earlier = byDigest.get(report.digest);
    if (earlier) {
      problems.push({ severity: 'error', message: t('sdjwt.disclosureRepeated', { n: report.index + 1, earlier: earlier.index + 1 }), ...locate(report) });
    } else byDigest.set(report.digest, report);
  }

  const seen = new Map<string, string>();
  const disclosedPaths: string[] = [];
  let undisclosed = 0;
  const isVc = typeof options.header?.typ === 'string' && VC_TYPES.has(options.header.typ);

  /** Records a digest's occurrence; returns the disclosure to embed, if any. */
  const use = (digest: JsonValue, path: string): DisclosureReport | null => {
    if (typeof digest !== 'string') {
      problems.push({ severity: 'error', message: t('sdjwt.digestNotString', { path }), path });
      return null;
    }
    const first = seen.get(digest);
    if (first !== undefined) {
      problems.push({ severity: 'error', message: t('sdjwt.digestTwice', { digest, first, path }), path });
      return null;
    }
    seen.set(digest, path);
    const report = byDigest.get(digest);
    if (!report) {
      undisclosed++;
      return null;
    }
    report.foundAt = path;
    return report;
  };

  const walk = (node: JsonValue, path: string, depth: number): JsonValue => {
    if (depth > MAX_DEPTH) {
      problems.push({ severity: 'error', message: t('sdjwt.nestedTooDeep', { path, max: MAX_DEPTH }), path });
      return node;
    }
    if (Array.isArray(node)) {
      const out: JsonValue[] = [];
      node.forEach((item, i) => {
        const itemPath = child(path, i);
        if (isObject(item) && Object.keys(item).length === 1 && Object.hasOwn(item, '...')) {
          const report = use(item['...']!, child(itemPath, '...'));
          if (!report || !report.decoded.ok) return;
          if (report.decoded.kind !== 'element') {
            problems.push({ severity: 'error', message: t('sdjwt.propertyInArray', { n: report.index + 1, name: report.decoded.name, path: itemPath }), ...locate(report), path: itemPath });
            return;
          }
          report.state = 'matched';
          const elementPath = child(path, out.length);
          disclosedPaths.push(elementPath);
          out.push(walk(report.decoded.value, elementPath, depth + 1));
          return;
        }
        out.push(walk(item, child(path, out.length), depth + 1));
      });
      return out;
    }
    if (!isObject(node)) return node;
    const out: Record<string, JsonValue> = {};
    for (const [name, value] of Object.entries(node)) {
      if (name === '_sd' || (name === '_sd_alg' && depth === 0)) continue;
      setOwn(out, name, walk(value, child(path, name), depth + 1));
    }
    if (!Object.hasOwn(node, '_sd')) return out;
    const digests = node._sd;
    const sdPath = child(path, '_sd');
    if (!Array.isArray(digests)) {
      problems.push({ severity: 'error', message: t('sdjwt.sdNotArray', { path: sdPath }), path: sdPath });
      return out;
    }
    digests.forEach((digest, i) => {
      const report = use(digest, child(sdPath, i));
      if (!report || !report.decoded.ok) return;
      const decoded = report.decoded;
      if (decoded.kind !== 'property') {
        problems.push({ severity: 'error', message: t('sdjwt.elementInSd', { n: report.index + 1, path: sdPath }), ...locate(report), path: sdPath });
        return;
      }
      if (RESERVED_CLAIM_NAMES.includes(decoded.name)) {
        problems.push({ severity: 'error', message: t('sdjwt.reservedName', { n: report.index + 1, name: decoded.name }), ...locate(report) });
        return;
      }
      if (Object.hasOwn(out, decoded.name)) {
        problems.push({ severity: 'error', message: t('sdjwt.nameAlreadyThere', { n: report.index + 1, name: decoded.name, path }), ...locate(report) });
        return;
      }
      if (decoded.name === '_sd_alg' && depth === 0) {
        problems.push({ severity: 'error', message: t('sdjwt.sdAlgDisclosed', { n: report.index + 1 }), ...locate(report) });
        return;
      }
      if (isVc && depth === 0 && VC_NEVER_DISCLOSED.includes(decoded.name)) {
        problems.push({ severity: 'warning', message: t('sdjwt.vcClaimDisclosed', { n: report.index + 1, name: decoded.name }), ...locate(report) });
      }
      report.state = 'matched';
      const claimPath = child(path, decoded.name);
      disclosedPaths.push(claimPath);
      setOwn(out, decoded.name, walk(decoded.value, claimPath, depth + 1));
    });
    return out;
  };

  let claims: Record<string, JsonValue> | null = null;
  if (isObject(payload)) {
    const processed = walk(payload, '$', 0);
    claims = isObject(processed) ? processed : null;
  }

  if (algSupported) {
    for (const report of disclosures) {
      if (report.decoded.ok && report.foundAt === null) {
        problems.push({
          severity: 'error',
          message:
            report.decoded.kind === 'property'
              ? t('sdjwt.namedDigestNowhere', { n: report.index + 1, name: report.decoded.name, digest: report.digest })
              : t('sdjwt.digestNowhere', { n: report.index + 1, digest: report.digest }),
          ...locate(report),
        });
      }
    }
  }

  return { sdAlg, algSupported, disclosures, claims, disclosedPaths, undisclosedDigests: undisclosed, problems };
}
