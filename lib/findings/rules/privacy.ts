/** Rules about what a signed (not encrypted) token reveals to anyone holding it. */
import { lookupClaim } from '../../claims/catalogue';
import { rfc } from '../../claims/specs';
import { isLeakedKey } from '../../keys/visibility';
import type { Rule } from '../types';
import { t } from '../messages';

const PHONE = /^\+[1-9][\d ().-]{6,18}\d$/;
const SECRET_NAME = /^(password|passwd|pass|secret|client_secret|api[_-]?key|apikey|private[_-]?key|access[_-]?key|secret[_-]?key|credit[_-]?card|card[_-]?number|cc[_-]?number|cvv|cvc|ssn|social[_-]?security[_-]?number|pin)$/i;
// Bound the walk: a hostile or huge token must not make the rules slow.
const MAX_DEPTH = 6;
const MAX_NODES = 5000;
const MAX_LISTED = 5;

/**
 * "local@domain.tld": one "@", no white space, a dot inside the domain. Checked
 * by hand in one pass; the pattern /^[^\s@]+@[^\s@]+\.[^\s@]+$/ backtracks
 * quadratically on "a@" followed by many dots.
 */
export function looksLikeEmail(value: string): boolean {
  if (value.length > 320) return false; // RFC 5321 §4.5.3.1: 64 + 1 + 255
  const at = value.indexOf('@');
  if (at <= 0 || value.indexOf('@', at + 1) >= 0 || /\s/.test(value)) return false;
  return value.lastIndexOf('.', value.length - 2) >= at + 2;
}

interface Hit {
  path: string;
  kind: 'personal' | 'secret';
}

function walk(value: unknown, path: string, depth: number, hits: Hit[], budget: { nodes: number }): void {
  if (--budget.nodes < 0 || depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    if (looksLikeEmail(value) || (value.length <= 40 && PHONE.test(value))) hits.push({ path, kind: 'personal' });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, `${path}[${i}]`, depth + 1, hits, budget));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  // A JWK with private or secret material (RSA/EC/OKP "d", ML-DSA "priv", a symmetric "k"…) anywhere in the claims leaks it.
  if (isLeakedKey(record)) hits.push({ path, kind: 'secret' });
  for (const [key, v] of Object.entries(record)) {
    const child = path === '' ? key : `${path}.${key}`;
    if (SECRET_NAME.test(key) && v !== null && v !== '') {
      hits.push({ path: child, kind: 'secret' });
      continue;
    }
    if (depth === 0 && lookupClaim(key, 'payload')?.sensitive) {
      hits.push({ path: child, kind: 'personal' });
      continue;
    }
    walk(v, child, depth + 1, hits, budget);
  }
}

function scan(payload: Record<string, unknown>): Hit[] {
  const hits: Hit[] = [];
  walk(payload, '', 0, hits, { nodes: MAX_NODES });
  return hits;
}

function list(paths: string[]): string {
  const shown = paths.slice(0, MAX_LISTED).join(', ');
  return paths.length > MAX_LISTED ? t('findings.listAndMore', { shown, more: String(paths.length - MAX_LISTED) }) : shown;
}

export const personalData: Rule = ({ payload, kind }) => {
  if (kind !== 'jws' || !payload) return null;
  const paths = scan(payload).filter((h) => h.kind === 'personal').map((h) => h.path);
  if (paths.length === 0) return null;
  return {
    id: 'personal-data',
    severity: 'low',
    title: t('findings.personalDataTitle'),
    detail: t('findings.personalDataDetail', { paths: list(paths) }),
    spec: rfc(7519, '12'),
    where: 'payload',
    ...(paths.length === 1 ? { claim: paths[0] } : {}),
  };
};

export const secretsInPayload: Rule = ({ payload, kind }) => {
  if (kind !== 'jws' || !payload) return null;
  const paths = scan(payload).filter((h) => h.kind === 'secret').map((h) => h.path || t('findings.thePayloadItself'));
  if (paths.length === 0) return null;
  return {
    id: 'secret-in-payload',
    severity: 'high',
    title: t('findings.secretInPayloadTitle'),
    detail: t('findings.secretInPayloadDetail', { paths: list(paths) }),
    spec: rfc(7519, '12'),
    where: 'payload',
    ...(paths.length === 1 ? { claim: paths[0] } : {}),
  };
};
