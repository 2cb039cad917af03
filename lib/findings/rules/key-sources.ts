/** Rules about header parameters that say where the key comes from. */
import { rfc } from '../../claims/specs';
import { privateMembersOf } from '../../keys/visibility';
import type { Rule } from '../types';
import { quote, str, typOf } from './util';

function urlParameter(name: 'jku' | 'x5u', what: string): Rule {
  return ({ header }) => {
    if (header?.[name] === undefined) return null;
    return {
      id: `${name}-header`,
      severity: 'medium',
      title: `Key location supplied by the token (${name})`,
      detail: `The header points at ${what}: ${quote(header[name])}. A verifier must not fetch keys from a URL the token names — an attacker simply names their own key — and fetching arbitrary URLs from a server is a request-forgery (SSRF) risk. Use only keys, or key URLs, configured for the issuer.`,
      spec: rfc(8725, '3.10'),
      where: 'header',
      claim: name,
    };
  };
}

export const jkuHeader = urlParameter('jku', 'a JWK Set URL');
export const x5uHeader = urlParameter('x5u', 'an X.509 certificate URL');

export const embeddedJwk: Rule = ({ header }) => {
  if (header?.jwk === undefined) return null;
  const leaked = typeof header.jwk === 'object' && header.jwk !== null ? privateMembersOf(header.jwk as Record<string, unknown>) : [];
  if (leaked.length > 0) {
    return {
      id: 'embedded-jwk',
      severity: 'high',
      title: 'Token carries a private key in its header (jwk)',
      detail: `The header's jwk holds private key material (${leaked.map((name) => `"${name}"`).join(', ')}): anyone who sees this token can sign tokens with that key. The key has leaked; replace it, and put only the public key in a header.`,
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
      title: 'DPoP proof with its own key',
      detail: 'A DPoP proof carries the public key it was signed with. That proves possession of the key only; the server must check that the key\'s thumbprint matches the access token\'s cnf.jkt.',
      spec: rfc(9449, '4.3'),
      where: 'header',
      claim: 'jwk',
    };
  }
  return {
    id: 'embedded-jwk',
    severity: 'medium',
    title: 'Token carries its own verification key (jwk)',
    detail: 'The header embeds a public key. Verifying with it proves only that whoever made the token had the matching private key — an attacker can sign with their own key and embed it. Trust the key only if it is one you already know (compare its thumbprint).',
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
    title: 'Token carries its own certificate chain (x5c)',
    detail: 'An embedded certificate proves nothing by itself: anyone can make a certificate. The verifier must validate the chain up to a root it trusts, and check that the certificate is the issuer\'s.',
    spec: rfc(7515, '4.1.6'),
    where: 'header',
    claim: 'x5c',
  };
};

// Shapes that turn a kid into a file path, a query fragment, a URL or a shell command.
const KID_TRAPS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(^|[\\/])\.\.([\\/]|$)/, 'a path traversal ("../")'],
  [/^(\/|[A-Za-z]:\\)/, 'an absolute file path'],
  [/['"`]|--|;|\/\*|\bunion\b\s+\bselect\b|\bor\b\s+\S+\s*=\s*\S+/i, 'SQL-like quoting or syntax'],
  [/^[a-z][a-z0-9+.-]*:\/\//i, 'a URL'],
  [/\$\(|\||&&|\$\{/, 'shell or template syntax'],
  [/[\u0000-\u001f]/, 'control characters'],
];

export const kidInjection: Rule = ({ header }) => {
  const kid = str(header?.kid);
  if (kid === undefined) return null;
  const traps = KID_TRAPS.filter(([re]) => re.test(kid)).map(([, what]) => what);
  if (traps.length === 0) return null;
  return {
    id: 'kid-injection',
    severity: 'medium',
    title: 'Suspicious key ID (kid)',
    detail: `The kid ${quote(kid)} contains ${traps.join(', ')}. Verifiers that use the kid in a file path, a database query or a URL can be tricked into using a key the attacker chose (for example /dev/null or an empty string as an HMAC secret). Treat the kid as untrusted: look it up only in a fixed set of keys.`,
    spec: rfc(8725, '3.10'),
    where: 'header',
    claim: 'kid',
  };
};
