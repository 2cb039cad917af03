/** Rules about header parameters that say where the key comes from. */
import { rfc } from '../../claims/specs';
import { privateMembersOf } from '../../keys/visibility';
import type { Rule } from '../types';
import { t, type FindingsMessage } from '../messages';
import { quote, str, typOf } from './util';

function urlParameter(name: 'jku' | 'x5u'): Rule {
  return ({ header }) => {
    if (header?.[name] === undefined) return null;
    const url = quote(header[name]);
    return {
      id: `${name}-header`,
      severity: 'medium',
      title: t('findings.keyUrlTitle', { name }),
      detail: name === 'jku' ? t('findings.jkuDetail', { url }) : t('findings.x5uDetail', { url }),
      spec: rfc(8725, '3.10'),
      where: 'header',
      claim: name,
    };
  };
}

export const jkuHeader = urlParameter('jku');
export const x5uHeader = urlParameter('x5u');

export const embeddedJwk: Rule = ({ header }) => {
  if (header?.jwk === undefined) return null;
  const leaked = typeof header.jwk === 'object' && header.jwk !== null ? privateMembersOf(header.jwk as Record<string, unknown>) : [];
  if (leaked.length > 0) {
    return {
      id: 'embedded-jwk',
      severity: 'high',
      title: t('findings.privateJwkTitle'),
      detail: t('findings.privateJwkDetail', { members: leaked.map((name) => `"${name}"`).join(', ') }),
      spec: rfc(7515, '4.1.3'),
      where: 'header',
      claim: 'jwk',
    };
  }
  // RFC 9449: a DPoP proof carries its public key by design; the access token's cnf.jkt binds it.
  if (typOf(header) === 'dpop+jwt') {
    return {
      id: 'embedded-jwk',
      severity: 'info',
      title: t('findings.dpopJwkTitle'),
      detail: t('findings.dpopJwkDetail'),
      spec: rfc(9449, '4.3'),
      where: 'header',
      claim: 'jwk',
    };
  }
  return {
    id: 'embedded-jwk',
    severity: 'medium',
    title: t('findings.embeddedJwkTitle'),
    detail: t('findings.embeddedJwkDetail'),
    spec: rfc(8725, '3.10'),
    where: 'header',
    claim: 'jwk',
  };
};

export const embeddedCertificate: Rule = ({ header }) => {
  if (header?.x5c === undefined) return null;
  return {
    id: 'x5c-header',
    severity: 'low',
    title: t('findings.x5cTitle'),
    detail: t('findings.x5cDetail'),
    spec: rfc(7515, '4.1.6'),
    where: 'header',
    claim: 'x5c',
  };
};

// Shapes that turn a kid into a file path, a query fragment, a URL or a shell command.
const KID_TRAPS: ReadonlyArray<readonly [RegExp, FindingsMessage]> = [
  [/(^|[\\/])\.\.([\\/]|$)/, 'findings.kidTrapPathTraversal'],
  [/^(\/|[A-Za-z]:\\)/, 'findings.kidTrapAbsolutePath'],
  [/['"`]|--|;|\/\*|\bunion\b\s+\bselect\b|\bor\b\s+\S+\s*=\s*\S+/i, 'findings.kidTrapSql'],
  [/^[a-z][a-z0-9+.-]*:\/\//i, 'findings.kidTrapUrl'],
  [/\$\(|\||&&|\$\{/, 'findings.kidTrapShell'],
  [/[\u0000-\u001f]/, 'findings.kidTrapControl'],
];

export const kidInjection: Rule = ({ header }) => {
  const kid = str(header?.kid);
  if (kid === undefined) return null;
  const traps = KID_TRAPS.filter(([re]) => re.test(kid)).map(([, what]) => t(what));
  if (traps.length === 0) return null;
  return {
    id: 'kid-injection',
    severity: 'medium',
    title: t('findings.kidInjectionTitle'),
    detail: t('findings.kidInjectionDetail', { kid: quote(kid), traps: traps.join(', ') }),
    spec: rfc(8725, '3.10'),
    where: 'header',
    claim: 'kid',
  };
};
