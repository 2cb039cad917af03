/**
 * What every well-known claim and header parameter means, as data.
 * The claims table, the payload editor's JSON schema and the security findings
 * all read this one list, so a claim is explained the same way everywhere.
 */
import { doc, oidcCore, rfc, type SpecRef } from './specs';
import { t } from './messages';
import { CLAIM_TEXT } from './catalogue-text';

/** The JSON type a claim is specified to have. */
export type ClaimType =
  | 'NumericDate' // seconds since 1970-01-01T00:00:00Z (RFC 7519 §2)
  | 'StringOrURI'
  | 'string'
  | 'string|string[]'
  | 'string[]'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'object'
  | 'array'
  | 'any';

/** Where a name lives: a JOSE header parameter or a claim in the payload. */
export type ClaimLocation = 'payload' | 'header';

export interface ClaimInfo {
  /** The claim name; a dotted name ("cnf.jkt") is a member of an object claim. */
  name: string;
  /** A short human name, e.g. "Expiration Time". */
  title: string;
  /** One line of plain text. */
  description: string;
  spec: SpecRef;
  where: ClaimLocation;
  type: ClaimType;
  /** Personal data that anyone holding an unencrypted token can read. */
  sensitive?: boolean;
  /** Set when the entry came from a pattern rule rather than an exact name. */
  pattern?: string;
}

type Entry = Omit<ClaimInfo, 'where' | 'name' | 'pattern' | 'title' | 'description'>;

/** The message key of a name: "cnf.x5t#S256" is cnfX5tS256, a header parameter's starts with "header". */
function messageKey(where: ClaimLocation, name: string): string {
  const camel = name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word, i) => (i === 0 ? word : word[0]!.toUpperCase() + word.slice(1)))
    .join('');
  return where === 'header' ? `header${camel[0]!.toUpperCase()}${camel.slice(1)}` : camel;
}

/**
 * Adds the title and description as getters, so they are read in the active
 * language each time they are shown rather than frozen when the module loads.
 */
function withText<T extends object>(entry: T, key: string): T & Pick<ClaimInfo, 'title' | 'description'> {
  const text = CLAIM_TEXT[key];
  if (text === undefined) throw new Error(`claims catalogue: no title and description for "${key}" in catalogue-text.ts`);
  const [title, description] = text;
  return Object.defineProperties(entry, {
    title: { get: () => t(title), enumerable: true },
    description: { get: () => t(description), enumerable: true },
  }) as T & Pick<ClaimInfo, 'title' | 'description'>;
}

function entries(where: ClaimLocation, table: Record<string, Entry>): ClaimInfo[] {
  return Object.entries(table).map(([name, entry]) => withText({ name, where, ...entry }, messageKey(where, name)));
}

const ENTRA_ACCESS = doc(
  'Microsoft Entra ID access token claims',
  'https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference',
);
const ENTRA_ID = doc(
  'Microsoft Entra ID ID token claims',
  'https://learn.microsoft.com/en-us/entra/identity-platform/id-token-claims-reference',
);
const ENTRA_OPTIONAL = doc(
  'Microsoft Entra ID optional claims',
  'https://learn.microsoft.com/en-us/entra/identity-platform/optional-claims-reference',
);
const SD_JWT_VC = doc('SD-JWT-based Verifiable Credentials (SD-JWT VC)', 'https://datatracker.ietf.org/doc/draft-ietf-oauth-sd-jwt-vc/');
const STATUS_LIST = doc('Token Status List', 'https://datatracker.ietf.org/doc/draft-ietf-oauth-status-list/');
const KEYCLOAK = doc(
  'Keycloak Server Administration Guide',
  'https://www.keycloak.org/docs/latest/server_admin/index.html',
);
const COGNITO_ACCESS = doc(
  'Amazon Cognito access token',
  'https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html',
);
const COGNITO_ID = doc(
  'Amazon Cognito ID token',
  'https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html',
);
const GITHUB_OIDC = doc(
  'GitHub Actions OIDC token',
  'https://docs.github.com/en/actions/deployment/security-hardening-your-deployments/about-security-hardening-with-openid-connect#understanding-the-oidc-token',
);
const FIREBASE = doc(
  'Firebase ID tokens',
  'https://firebase.google.com/docs/auth/admin/verify-id-tokens',
);
const AUTH0_CUSTOM = doc(
  'Auth0 custom claims',
  'https://auth0.com/docs/secure/tokens/json-web-tokens/create-custom-claims',
);
const STANDARD_CLAIMS = oidcCore('5.1', 'StandardClaims');

const PAYLOAD = entries('payload', {
  // RFC 7519 §4.1: the registered claims
  iss: { type: 'StringOrURI', spec: rfc(7519, '4.1.1') },
  sub: { type: 'StringOrURI', spec: rfc(7519, '4.1.2') },
  aud: { type: 'string|string[]', spec: rfc(7519, '4.1.3') },
  exp: { type: 'NumericDate', spec: rfc(7519, '4.1.4') },
  nbf: { type: 'NumericDate', spec: rfc(7519, '4.1.5') },
  iat: { type: 'NumericDate', spec: rfc(7519, '4.1.6') },
  jti: { type: 'string', spec: rfc(7519, '4.1.7') },

  // OpenID Connect Core: ID token claims
  auth_time: { type: 'NumericDate', spec: oidcCore('2', 'IDToken') },
  nonce: { type: 'string', spec: oidcCore('2', 'IDToken') },
  acr: { type: 'string', spec: oidcCore('2', 'IDToken') },
  amr: { type: 'string[]', spec: oidcCore('2', 'IDToken') },
  azp: { type: 'string', spec: oidcCore('2', 'IDToken') },
  at_hash: { type: 'string', spec: oidcCore('3.1.3.6', 'CodeIDToken') },
  c_hash: { type: 'string', spec: oidcCore('3.3.2.11', 'HybridIDToken') },
  s_hash: { type: 'string', spec: doc('FAPI 1.0 Advanced (Part 2)', 'https://openid.net/specs/openid-financial-api-part-2-1_0.html') },
  sid: { type: 'string', spec: doc('OpenID Connect Front-Channel Logout 1.0', 'https://openid.net/specs/openid-connect-frontchannel-1_0.html') },
  sub_jwk: { type: 'object', spec: oidcCore('7.4', 'SelfIssuedResponse') },
  _claim_names: { type: 'object', spec: oidcCore('5.6.2', 'AggregatedDistributedClaims') },
  _claim_sources: { type: 'object', spec: oidcCore('5.6.2', 'AggregatedDistributedClaims') },

  // OpenID Connect Core §5.1: standard (profile) claims
  name: { type: 'string', spec: STANDARD_CLAIMS, sensitive: true },
  given_name: { type: 'string', spec: STANDARD_CLAIMS, sensitive: true },
  family_name: { type: 'string', spec: STANDARD_CLAIMS, sensitive: true },
  middle_name: { type: 'string', spec: STANDARD_CLAIMS, sensitive: true },
  nickname: { type: 'string', spec: STANDARD_CLAIMS },
  preferred_username: { type: 'string', spec: STANDARD_CLAIMS },
  profile: { type: 'string', spec: STANDARD_CLAIMS },
  picture: { type: 'string', spec: STANDARD_CLAIMS },
  website: { type: 'string', spec: STANDARD_CLAIMS },
  email: { type: 'string', spec: STANDARD_CLAIMS, sensitive: true },
  email_verified: { type: 'boolean', spec: STANDARD_CLAIMS },
  gender: { type: 'string', spec: STANDARD_CLAIMS, sensitive: true },
  birthdate: { type: 'string', spec: STANDARD_CLAIMS, sensitive: true },
  zoneinfo: { type: 'string', spec: STANDARD_CLAIMS },
  locale: { type: 'string', spec: STANDARD_CLAIMS },
  phone_number: { type: 'string', spec: STANDARD_CLAIMS, sensitive: true },
  phone_number_verified: { type: 'boolean', spec: STANDARD_CLAIMS },
  address: { type: 'object', spec: oidcCore('5.1.1', 'AddressClaim'), sensitive: true },
  updated_at: { type: 'NumericDate', spec: STANDARD_CLAIMS },

  // OAuth: RFC 9068 (JWT access tokens), RFC 8693 (token exchange), RFC 7800 (proof of possession)
  client_id: { type: 'string', spec: rfc(9068, '2.2') },
  scope: { type: 'string', spec: rfc(9068, '2.2.3') },
  roles: { type: 'string[]', spec: rfc(9068, '2.2.3.1') },
  groups: { type: 'string[]', spec: rfc(9068, '2.2.3.1') },
  entitlements: { type: 'string[]', spec: rfc(9068, '2.2.3.1') },
  act: { type: 'object', spec: rfc(8693, '4.1') },
  may_act: { type: 'object', spec: rfc(8693, '4.4') },
  cnf: { type: 'object', spec: rfc(7800, '3.1') },
  'cnf.jwk': { type: 'object', spec: rfc(7800, '3.2') },
  'cnf.kid': { type: 'string', spec: rfc(7800, '3.4') },
  'cnf.jku': { type: 'string', spec: rfc(7800, '3.5') },
  'cnf.jkt': { type: 'string', spec: rfc(9449, '6.1') },
  'cnf.x5t#S256': { type: 'string', spec: rfc(8705, '3.1') },

  // RFC 9449: DPoP proofs
  htm: { type: 'string', spec: rfc(9449, '4.2') },
  htu: { type: 'string', spec: rfc(9449, '4.2') },
  ath: { type: 'string', spec: rfc(9449, '4.2') },

  // RFC 9901: SD-JWT, and SD-JWT VC
  _sd: { type: 'string[]', spec: rfc(9901, '4.2.4.1') },
  _sd_alg: { type: 'string', spec: rfc(9901, '4.1.1') },
  sd_hash: { type: 'string', spec: rfc(9901, '4.3.1') },
  vct: { type: 'string', spec: SD_JWT_VC },
  'vct#integrity': { type: 'string', spec: SD_JWT_VC },
  status: { type: 'object', spec: STATUS_LIST },
  'status.status_list': { type: 'object', spec: STATUS_LIST },

  // RFC 8417: Security Event Tokens
  events: { type: 'object', spec: rfc(8417, '2.2') },
  toe: { type: 'NumericDate', spec: rfc(8417, '2.2') },
  txn: { type: 'string', spec: rfc(8417, '2.2') },

  // Microsoft Entra ID
  tid: { type: 'string', spec: ENTRA_ACCESS },
  oid: { type: 'string', spec: ENTRA_ACCESS },
  scp: { type: 'string', spec: ENTRA_ACCESS },
  upn: { type: 'string', spec: ENTRA_ACCESS, sensitive: true },
  unique_name: { type: 'string', spec: ENTRA_ID, sensitive: true },
  ver: { type: 'string', spec: ENTRA_ACCESS },
  appid: { type: 'string', spec: ENTRA_ACCESS },
  appidacr: { type: 'string', spec: ENTRA_ACCESS },
  azpacr: { type: 'string', spec: ENTRA_ACCESS },
  idp: { type: 'string', spec: ENTRA_ACCESS },
  uti: { type: 'string', spec: ENTRA_ACCESS },
  rh: { type: 'string', spec: ENTRA_ACCESS },
  wids: { type: 'string[]', spec: ENTRA_ACCESS },

  // Keycloak
  typ: { type: 'string', spec: KEYCLOAK },
  realm_access: { type: 'object', spec: KEYCLOAK },
  resource_access: { type: 'object', spec: KEYCLOAK },
  session_state: { type: 'string', spec: KEYCLOAK },
  'allowed-origins': { type: 'string[]', spec: KEYCLOAK },

  // Amazon Cognito
  'cognito:groups': { type: 'string[]', spec: COGNITO_ID },
  'cognito:username': { type: 'string', spec: COGNITO_ID },
  'cognito:roles': { type: 'string[]', spec: COGNITO_ID },
  'cognito:preferred_role': { type: 'string', spec: COGNITO_ID },
  token_use: { type: 'string', spec: COGNITO_ACCESS },
  origin_jti: { type: 'string', spec: COGNITO_ACCESS },
  event_id: { type: 'string', spec: COGNITO_ACCESS },
  username: { type: 'string', spec: COGNITO_ACCESS },

  // Google
  hd: { type: 'string', spec: doc('Google OpenID Connect', 'https://developers.google.com/identity/openid-connect/openid-connect#an-id-tokens-payload') },

  // GitHub Actions OIDC
  repository: { type: 'string', spec: GITHUB_OIDC },
  repository_owner: { type: 'string', spec: GITHUB_OIDC },
  ref: { type: 'string', spec: GITHUB_OIDC },
  sha: { type: 'string', spec: GITHUB_OIDC },
  workflow: { type: 'string', spec: GITHUB_OIDC },
  job_workflow_ref: { type: 'string', spec: GITHUB_OIDC },
  run_id: { type: 'string', spec: GITHUB_OIDC },
  actor: { type: 'string', spec: GITHUB_OIDC },
  environment: { type: 'string', spec: GITHUB_OIDC },
  event_name: { type: 'string', spec: GITHUB_OIDC },

  // Firebase
  firebase: { type: 'object', spec: FIREBASE },
  user_id: { type: 'string', spec: FIREBASE },
});

const HEADER = entries('header', {
  alg: { type: 'string', spec: rfc(7515, '4.1.1') },
  typ: { type: 'string', spec: rfc(7515, '4.1.9') },
  cty: { type: 'string', spec: rfc(7515, '4.1.10') },
  kid: { type: 'string', spec: rfc(7515, '4.1.4') },
  jku: { type: 'string', spec: rfc(7515, '4.1.2') },
  jwk: { type: 'object', spec: rfc(7515, '4.1.3') },
  x5u: { type: 'string', spec: rfc(7515, '4.1.5') },
  x5c: { type: 'string[]', spec: rfc(7515, '4.1.6') },
  x5t: { type: 'string', spec: rfc(7515, '4.1.7') },
  'x5t#S256': { type: 'string', spec: rfc(7515, '4.1.8') },
  crit: { type: 'string[]', spec: rfc(7515, '4.1.11') },
  b64: { type: 'boolean', spec: rfc(7797, '3') },
  enc: { type: 'string', spec: rfc(7516, '4.1.2') },
  zip: { type: 'string', spec: rfc(7516, '4.1.3') },
  epk: { type: 'object', spec: rfc(7518, '4.6.1.1') },
  apu: { type: 'string', spec: rfc(7518, '4.6.1.2') },
  apv: { type: 'string', spec: rfc(7518, '4.6.1.3') },
  iv: { type: 'string', spec: rfc(7518, '4.7.1.1') },
  tag: { type: 'string', spec: rfc(7518, '4.7.1.2') },
  p2s: { type: 'string', spec: rfc(7518, '4.8.1.1') },
  p2c: { type: 'integer', spec: rfc(7518, '4.8.1.2') },
});

/** Every entry, payload claims first, then header parameters. */
export const CLAIM_CATALOGUE: readonly ClaimInfo[] = [...PAYLOAD, ...HEADER];

export interface PatternRule {
  /** How the family is named to the user. */
  pattern: string;
  where: ClaimLocation;
  /** Matches the names of the family; plain (flagless) so JSON Schema can reuse its source. */
  regex: RegExp;
  info: Omit<ClaimInfo, 'name' | 'where' | 'pattern'>;
}

/** Families of names recognised by shape rather than spelled out one by one. */
export const CLAIM_PATTERNS: readonly PatternRule[] = [
  {
    pattern: 'xms_*',
    where: 'payload',
    regex: /^xms_/,
    info: withText({ type: 'any', spec: ENTRA_OPTIONAL }, 'patternXms'),
  },
  {
    pattern: 'cognito:*',
    where: 'payload',
    regex: /^cognito:/,
    info: withText({ type: 'any', spec: COGNITO_ID }, 'patternCognito'),
  },
  {
    pattern: 'custom:*',
    where: 'payload',
    regex: /^custom:/,
    info: withText({ type: 'any', spec: COGNITO_ID }, 'patternCustom'),
  },
  {
    get pattern() {
      return t('claims.patternNamespacedName');
    },
    where: 'payload',
    regex: /^(https?:\/\/[^\s/]+|[Uu][Rr][Nn]:[A-Za-z0-9][A-Za-z0-9-]*:)/,
    info: withText({ type: 'any', spec: AUTH0_CUSTOM }, 'patternNamespaced'),
  },
];

// RFC 7519 §5.3 lets a JWE repeat these claims in its clear-text header.
const REPLICABLE = new Set(['iss', 'sub', 'aud']);

const BY_KEY = new Map(CLAIM_CATALOGUE.map((c) => [`${c.where}:${c.name}`, c]));

/**
 * Explains a claim or header parameter: exact names first, then pattern rules.
 * A dotted name ("cnf.jkt") looks up a member of an object claim.
 */
export function lookupClaim(name: string, where: ClaimLocation): ClaimInfo | null {
  const exact = BY_KEY.get(`${where}:${name}`);
  if (exact) return exact;
  const replicated = where === 'header' && REPLICABLE.has(name) ? BY_KEY.get(`payload:${name}`) : undefined;
  if (replicated) {
    return {
      ...replicated,
      where,
      title: replicated.title,
      description: t('claims.replicatedInHeader', { description: replicated.description }),
    };
  }
  for (const rule of CLAIM_PATTERNS) {
    if (rule.where === where && rule.regex.test(name)) {
      return { ...rule.info, name, where, pattern: rule.pattern };
    }
  }
  return null;
}
