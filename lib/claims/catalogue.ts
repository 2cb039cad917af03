/**
 * What every well-known claim and header parameter means, as data.
 * The claims table, the payload editor's JSON schema and the security findings
 * all read this one list, so a claim is explained the same way everywhere.
 */
import { doc, oidcCore, rfc, type SpecRef } from './specs';

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

type Entry = Omit<ClaimInfo, 'where' | 'name' | 'pattern'>;

function entries(where: ClaimLocation, table: Record<string, Entry>): ClaimInfo[] {
  return Object.entries(table).map(([name, entry]) => ({ name, where, ...entry }));
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
  iss: { title: 'Issuer', type: 'StringOrURI', spec: rfc(7519, '4.1.1'), description: 'Who issued the token; verifiers compare it with the issuer they trust.' },
  sub: { title: 'Subject', type: 'StringOrURI', spec: rfc(7519, '4.1.2'), description: 'Whom the token is about, unique within the issuer (often a user or client ID).' },
  aud: { title: 'Audience', type: 'string|string[]', spec: rfc(7519, '4.1.3'), description: 'Who the token is meant for; a recipient must reject a token that does not name it.' },
  exp: { title: 'Expiration Time', type: 'NumericDate', spec: rfc(7519, '4.1.4'), description: 'The time on or after which the token must not be accepted.' },
  nbf: { title: 'Not Before', type: 'NumericDate', spec: rfc(7519, '4.1.5'), description: 'The time before which the token must not be accepted.' },
  iat: { title: 'Issued At', type: 'NumericDate', spec: rfc(7519, '4.1.6'), description: 'When the token was issued; tells its age.' },
  jti: { title: 'JWT ID', type: 'string', spec: rfc(7519, '4.1.7'), description: 'A unique identifier of this token, used to detect replays.' },

  // OpenID Connect Core: ID token claims
  auth_time: { title: 'Authentication Time', type: 'NumericDate', spec: oidcCore('2', 'IDToken'), description: 'When the end-user last actively authenticated.' },
  nonce: { title: 'Nonce', type: 'string', spec: oidcCore('2', 'IDToken'), description: 'The value the client sent in its request, echoed back to bind the token to that request and stop replays.' },
  acr: { title: 'Authentication Context Class Reference', type: 'string', spec: oidcCore('2', 'IDToken'), description: 'The class of authentication the end-user passed (its assurance level).' },
  amr: { title: 'Authentication Methods References', type: 'string[]', spec: oidcCore('2', 'IDToken'), description: 'The methods used to authenticate, e.g. "pwd", "otp", "mfa".' },
  azp: { title: 'Authorized Party', type: 'string', spec: oidcCore('2', 'IDToken'), description: 'The client ID of the party the token was issued to.' },
  at_hash: { title: 'Access Token Hash', type: 'string', spec: oidcCore('3.1.3.6', 'CodeIDToken'), description: 'Left half of the hash of the access token issued with this ID token, base64url-encoded.' },
  c_hash: { title: 'Code Hash', type: 'string', spec: oidcCore('3.3.2.11', 'HybridIDToken'), description: 'Left half of the hash of the authorization code issued with this ID token, base64url-encoded.' },
  s_hash: { title: 'State Hash', type: 'string', spec: doc('FAPI 1.0 Advanced (Part 2)', 'https://openid.net/specs/openid-financial-api-part-2-1_0.html'), description: 'Left half of the hash of the state parameter, so the state is protected too.' },
  sid: { title: 'Session ID', type: 'string', spec: doc('OpenID Connect Front-Channel Logout 1.0', 'https://openid.net/specs/openid-connect-frontchannel-1_0.html'), description: 'Identifies the end-user\'s session at the issuer; used for logout.' },
  sub_jwk: { title: 'Subject Public Key', type: 'object', spec: oidcCore('7.4', 'SelfIssuedResponse'), description: 'The public key a self-issued OpenID Provider signed this ID token with.' },
  _claim_names: { title: 'Aggregated or Distributed Claim Names', type: 'object', spec: oidcCore('5.6.2', 'AggregatedDistributedClaims'), description: 'Maps claim names to the sources in _claim_sources that hold their values.' },
  _claim_sources: { title: 'Claim Sources', type: 'object', spec: oidcCore('5.6.2', 'AggregatedDistributedClaims'), description: 'Where aggregated or distributed claims come from (a signed JWT or an endpoint).' },

  // OpenID Connect Core §5.1: standard (profile) claims
  name: { title: 'Full Name', type: 'string', spec: STANDARD_CLAIMS, sensitive: true, description: 'The end-user\'s full name for display.' },
  given_name: { title: 'Given Name', type: 'string', spec: STANDARD_CLAIMS, sensitive: true, description: 'The end-user\'s given (first) name.' },
  family_name: { title: 'Family Name', type: 'string', spec: STANDARD_CLAIMS, sensitive: true, description: 'The end-user\'s family (last) name.' },
  middle_name: { title: 'Middle Name', type: 'string', spec: STANDARD_CLAIMS, sensitive: true, description: 'The end-user\'s middle name.' },
  nickname: { title: 'Nickname', type: 'string', spec: STANDARD_CLAIMS, description: 'A casual name of the end-user.' },
  preferred_username: { title: 'Preferred Username', type: 'string', spec: STANDARD_CLAIMS, description: 'The name the end-user wants to be referred to by; not unique and not stable.' },
  profile: { title: 'Profile Page', type: 'string', spec: STANDARD_CLAIMS, description: 'URL of the end-user\'s profile page.' },
  picture: { title: 'Picture', type: 'string', spec: STANDARD_CLAIMS, description: 'URL of the end-user\'s profile picture.' },
  website: { title: 'Website', type: 'string', spec: STANDARD_CLAIMS, description: 'URL of the end-user\'s web page or blog.' },
  email: { title: 'Email', type: 'string', spec: STANDARD_CLAIMS, sensitive: true, description: 'The end-user\'s preferred email address; not a stable identifier.' },
  email_verified: { title: 'Email Verified', type: 'boolean', spec: STANDARD_CLAIMS, description: 'Whether the issuer verified that the end-user controls the email address.' },
  gender: { title: 'Gender', type: 'string', spec: STANDARD_CLAIMS, sensitive: true, description: 'The end-user\'s gender.' },
  birthdate: { title: 'Birthdate', type: 'string', spec: STANDARD_CLAIMS, sensitive: true, description: 'The end-user\'s birthday as YYYY-MM-DD (or YYYY, or 0000-MM-DD).' },
  zoneinfo: { title: 'Time Zone', type: 'string', spec: STANDARD_CLAIMS, description: 'The end-user\'s time zone, e.g. "Europe/Paris".' },
  locale: { title: 'Locale', type: 'string', spec: STANDARD_CLAIMS, description: 'The end-user\'s locale as a BCP 47 language tag, e.g. "en-US".' },
  phone_number: { title: 'Phone Number', type: 'string', spec: STANDARD_CLAIMS, sensitive: true, description: 'The end-user\'s preferred telephone number, ideally in E.164 form.' },
  phone_number_verified: { title: 'Phone Number Verified', type: 'boolean', spec: STANDARD_CLAIMS, description: 'Whether the issuer verified that the end-user controls the phone number.' },
  address: { title: 'Address', type: 'object', spec: oidcCore('5.1.1', 'AddressClaim'), sensitive: true, description: 'The end-user\'s postal address.' },
  updated_at: { title: 'Updated At', type: 'NumericDate', spec: STANDARD_CLAIMS, description: 'When the end-user\'s information was last updated.' },

  // OAuth: RFC 9068 (JWT access tokens), RFC 8693 (token exchange), RFC 7800 (proof of possession)
  client_id: { title: 'Client ID', type: 'string', spec: rfc(9068, '2.2'), description: 'The OAuth client the access token was issued to.' },
  scope: { title: 'Scope', type: 'string', spec: rfc(9068, '2.2.3'), description: 'The scopes granted, as one space-separated string.' },
  roles: { title: 'Roles', type: 'string[]', spec: rfc(9068, '2.2.3.1'), description: 'Roles granted to the subject (Microsoft Entra ID puts app roles here).' },
  groups: { title: 'Groups', type: 'string[]', spec: rfc(9068, '2.2.3.1'), description: 'Groups the subject belongs to.' },
  entitlements: { title: 'Entitlements', type: 'string[]', spec: rfc(9068, '2.2.3.1'), description: 'Entitlements granted to the subject.' },
  act: { title: 'Actor', type: 'object', spec: rfc(8693, '4.1'), description: 'The party acting on behalf of the subject (delegation); may nest earlier actors.' },
  may_act: { title: 'Authorized Actor', type: 'object', spec: rfc(8693, '4.4'), description: 'Who is allowed to act on behalf of the subject.' },
  cnf: { title: 'Confirmation', type: 'object', spec: rfc(7800, '3.1'), description: 'The key the presenter must prove possession of (proof-of-possession / sender-constrained token).' },
  'cnf.jwk': { title: 'Confirmation Key', type: 'object', spec: rfc(7800, '3.2'), description: 'The proof-of-possession public key itself, as a JWK.' },
  'cnf.kid': { title: 'Confirmation Key ID', type: 'string', spec: rfc(7800, '3.4'), description: 'Names the proof-of-possession key by its key ID.' },
  'cnf.jku': { title: 'Confirmation JWK Set URL', type: 'string', spec: rfc(7800, '3.5'), description: 'A URL of a JWK Set holding the proof-of-possession key.' },
  'cnf.jkt': { title: 'JWK Thumbprint Confirmation', type: 'string', spec: rfc(9449, '6.1'), description: 'The RFC 7638 thumbprint of the DPoP key this access token is bound to.' },
  'cnf.x5t#S256': { title: 'Certificate Thumbprint Confirmation', type: 'string', spec: rfc(8705, '3.1'), description: 'SHA-256 thumbprint of the client certificate this token is bound to (mutual TLS).' },

  // RFC 9449: DPoP proofs
  htm: { title: 'HTTP Method', type: 'string', spec: rfc(9449, '4.2'), description: 'The HTTP method of the request this DPoP proof is for.' },
  htu: { title: 'HTTP URI', type: 'string', spec: rfc(9449, '4.2'), description: 'The HTTP target URI (without query or fragment) of the request this DPoP proof is for.' },
  ath: { title: 'Access Token Hash', type: 'string', spec: rfc(9449, '4.2'), description: 'Base64url SHA-256 hash of the access token presented with this DPoP proof.' },

  // RFC 9901: SD-JWT, and SD-JWT VC
  _sd: { title: 'Selective Disclosure Digests', type: 'string[]', spec: rfc(9901, '4.2.4.1'), description: 'Digests of the disclosures of this object\'s selectively disclosable claims; a claim shows only when its disclosure is presented (unmatched digests may be decoys).' },
  _sd_alg: { title: 'Selective Disclosure Hash Algorithm', type: 'string', spec: rfc(9901, '4.1.1'), description: 'The hash algorithm of the disclosure digests, e.g. "sha-256" (the default when absent).' },
  sd_hash: { title: 'SD-JWT Hash', type: 'string', spec: rfc(9901, '4.3.1'), description: 'In a key binding JWT: the base64url hash of the issuer JWT and the disclosures presented, binding the proof to exactly this presentation.' },
  vct: { title: 'Verifiable Credential Type', type: 'string', spec: SD_JWT_VC, description: 'The type of the SD-JWT VC, a URI or string; its type metadata (display, claims, schema) can be resolved from it.' },
  'vct#integrity': { title: 'Type Metadata Integrity', type: 'string', spec: SD_JWT_VC, description: 'A Subresource Integrity hash ("sha256-…") of the type metadata document vct resolves to, so the metadata cannot be swapped.' },
  status: { title: 'Status', type: 'object', spec: STATUS_LIST, description: 'Where to look up whether the credential was revoked or suspended, e.g. a status_list entry (index and URI of a Token Status List).' },
  'status.status_list': { title: 'Status List Reference', type: 'object', spec: STATUS_LIST, description: 'The index (idx) of this credential in the Token Status List published at uri.' },

  // RFC 8417: Security Event Tokens
  events: { title: 'Security Events', type: 'object', spec: rfc(8417, '2.2'), description: 'The security events this token reports, keyed by event type URI (also used by OpenID back-channel logout).' },
  toe: { title: 'Time of Event', type: 'NumericDate', spec: rfc(8417, '2.2'), description: 'When the reported event happened.' },
  txn: { title: 'Transaction Identifier', type: 'string', spec: rfc(8417, '2.2'), description: 'Links several security events that belong to one transaction.' },

  // Microsoft Entra ID
  tid: { title: 'Tenant ID', type: 'string', spec: ENTRA_ACCESS, description: 'The Microsoft Entra tenant (directory) the user signed in to.' },
  oid: { title: 'Object ID', type: 'string', spec: ENTRA_ACCESS, description: 'The immutable ID of the user or service principal in the tenant.' },
  scp: { title: 'Scopes (Entra ID)', type: 'string', spec: ENTRA_ACCESS, description: 'The delegated permissions granted, space-separated.' },
  upn: { title: 'User Principal Name', type: 'string', spec: ENTRA_ACCESS, sensitive: true, description: 'The user\'s sign-in name, usually an email address; not stable.' },
  unique_name: { title: 'Unique Name (Entra ID v1)', type: 'string', spec: ENTRA_ID, sensitive: true, description: 'A display value for the subject (v1.0 tokens); not a stable identifier.' },
  ver: { title: 'Token Version', type: 'string', spec: ENTRA_ACCESS, description: 'The Entra ID token format version, "1.0" or "2.0".' },
  appid: { title: 'Application ID (Entra ID v1)', type: 'string', spec: ENTRA_ACCESS, description: 'The client ID of the application that requested the token (v1.0 tokens).' },
  appidacr: { title: 'Application Authentication Method (v1)', type: 'string', spec: ENTRA_ACCESS, description: 'How the client authenticated: "0" public client, "1" secret, "2" certificate.' },
  azpacr: { title: 'Client Authentication Method (v2)', type: 'string', spec: ENTRA_ACCESS, description: 'How the client authenticated: "0" public client, "1" secret, "2" certificate.' },
  idp: { title: 'Identity Provider', type: 'string', spec: ENTRA_ACCESS, description: 'The identity provider that authenticated the subject.' },
  uti: { title: 'Token Identifier (Entra ID)', type: 'string', spec: ENTRA_ACCESS, description: 'An internal token identifier Microsoft uses for revocation and diagnostics.' },
  rh: { title: 'Refresh Hint (Entra ID)', type: 'string', spec: ENTRA_ACCESS, description: 'An opaque internal value Microsoft uses to revalidate tokens; ignore it.' },
  wids: { title: 'Directory Role Template IDs', type: 'string[]', spec: ENTRA_ACCESS, description: 'The tenant-wide roles assigned to the user, as role template IDs.' },

  // Keycloak
  typ: { title: 'Token Type (Keycloak)', type: 'string', spec: KEYCLOAK, description: 'Keycloak\'s kind of token: "Bearer", "ID", "Refresh" or "Offline" (not the header\'s typ).' },
  realm_access: { title: 'Realm Roles (Keycloak)', type: 'object', spec: KEYCLOAK, description: 'The realm-level roles granted, in its "roles" array.' },
  resource_access: { title: 'Client Roles (Keycloak)', type: 'object', spec: KEYCLOAK, description: 'Roles granted per client, keyed by client ID.' },
  session_state: { title: 'Session State (Keycloak)', type: 'string', spec: KEYCLOAK, description: 'The ID of the Keycloak user session the token belongs to.' },
  'allowed-origins': { title: 'Allowed Origins (Keycloak)', type: 'string[]', spec: KEYCLOAK, description: 'Web origins allowed to use the token from a browser (CORS).' },

  // Amazon Cognito
  'cognito:groups': { title: 'Groups (Cognito)', type: 'string[]', spec: COGNITO_ID, description: 'The user pool groups the user belongs to.' },
  'cognito:username': { title: 'Username (Cognito)', type: 'string', spec: COGNITO_ID, description: 'The user\'s user name in the user pool.' },
  'cognito:roles': { title: 'IAM Roles (Cognito)', type: 'string[]', spec: COGNITO_ID, description: 'IAM roles associated with the user\'s groups.' },
  'cognito:preferred_role': { title: 'Preferred IAM Role (Cognito)', type: 'string', spec: COGNITO_ID, description: 'The IAM role of the user\'s highest-priority group.' },
  token_use: { title: 'Token Use (Cognito)', type: 'string', spec: COGNITO_ACCESS, description: 'Which kind of token this is: "access" or "id"; check it before trusting the token.' },
  origin_jti: { title: 'Origin JTI (Cognito)', type: 'string', spec: COGNITO_ACCESS, description: 'Identifies the authentication that produced this token, for revocation.' },
  event_id: { title: 'Event ID (Cognito)', type: 'string', spec: COGNITO_ACCESS, description: 'Identifies the sign-in event that issued the token.' },
  username: { title: 'Username (Cognito)', type: 'string', spec: COGNITO_ACCESS, description: 'The user\'s user name in the user pool (access tokens).' },

  // Google
  hd: { title: 'Hosted Domain (Google)', type: 'string', spec: doc('Google OpenID Connect', 'https://developers.google.com/identity/openid-connect/openid-connect#an-id-tokens-payload'), description: 'The Google Workspace domain of the user; absent for consumer accounts.' },

  // GitHub Actions OIDC
  repository: { title: 'Repository (GitHub Actions)', type: 'string', spec: GITHUB_OIDC, description: 'The owner/name of the repository the workflow ran in.' },
  repository_owner: { title: 'Repository Owner (GitHub Actions)', type: 'string', spec: GITHUB_OIDC, description: 'The user or organisation that owns the repository.' },
  ref: { title: 'Git Ref (GitHub Actions)', type: 'string', spec: GITHUB_OIDC, description: 'The git ref that triggered the workflow, e.g. "refs/heads/main".' },
  sha: { title: 'Commit SHA (GitHub Actions)', type: 'string', spec: GITHUB_OIDC, description: 'The commit the workflow ran on.' },
  workflow: { title: 'Workflow (GitHub Actions)', type: 'string', spec: GITHUB_OIDC, description: 'The name of the workflow.' },
  job_workflow_ref: { title: 'Job Workflow Ref (GitHub Actions)', type: 'string', spec: GITHUB_OIDC, description: 'The path and ref of the (possibly reusable) workflow file that ran the job.' },
  run_id: { title: 'Run ID (GitHub Actions)', type: 'string', spec: GITHUB_OIDC, description: 'The ID of the workflow run.' },
  actor: { title: 'Actor (GitHub Actions)', type: 'string', spec: GITHUB_OIDC, description: 'The GitHub account that started the workflow run.' },
  environment: { title: 'Environment (GitHub Actions)', type: 'string', spec: GITHUB_OIDC, description: 'The deployment environment the job used, if any.' },
  event_name: { title: 'Event Name (GitHub Actions)', type: 'string', spec: GITHUB_OIDC, description: 'The event that triggered the workflow, e.g. "push".' },

  // Firebase
  firebase: { title: 'Firebase', type: 'object', spec: FIREBASE, description: 'How the user signed in (sign_in_provider) and their linked identities.' },
  user_id: { title: 'User ID (Firebase)', type: 'string', spec: FIREBASE, description: 'The Firebase user\'s UID, the same as sub.' },
});

const HEADER = entries('header', {
  alg: { title: 'Algorithm', type: 'string', spec: rfc(7515, '4.1.1'), description: 'The algorithm that signs (JWS) or encrypts the key (JWE); verifiers must allow only the ones they expect.' },
  typ: { title: 'Type', type: 'string', spec: rfc(7515, '4.1.9'), description: 'The media type of the whole token, e.g. "JWT", "at+jwt" (RFC 9068) or "dpop+jwt"; explicit types stop one kind of token being used as another.' },
  cty: { title: 'Content Type', type: 'string', spec: rfc(7515, '4.1.10'), description: 'The media type of the payload; "JWT" means the payload is itself a nested token.' },
  kid: { title: 'Key ID', type: 'string', spec: rfc(7515, '4.1.4'), description: 'A hint naming the key that signed or encrypted the token, e.g. to pick it from a JWK Set.' },
  jku: { title: 'JWK Set URL', type: 'string', spec: rfc(7515, '4.1.2'), description: 'A URL of a JWK Set containing the key; verifiers must not fetch keys from URLs the token supplies.' },
  jwk: { title: 'JSON Web Key', type: 'object', spec: rfc(7515, '4.1.3'), description: 'The public key embedded in the token; proves nothing unless it is a key you already trust.' },
  x5u: { title: 'X.509 URL', type: 'string', spec: rfc(7515, '4.1.5'), description: 'A URL of the signer\'s X.509 certificate chain; verifiers must not fetch it blindly.' },
  x5c: { title: 'X.509 Certificate Chain', type: 'string[]', spec: rfc(7515, '4.1.6'), description: 'The signer\'s certificate chain (base64 DER); trustworthy only if it chains to a trusted root.' },
  x5t: { title: 'X.509 SHA-1 Thumbprint', type: 'string', spec: rfc(7515, '4.1.7'), description: 'Base64url SHA-1 thumbprint of the signer\'s certificate, used to find the key.' },
  'x5t#S256': { title: 'X.509 SHA-256 Thumbprint', type: 'string', spec: rfc(7515, '4.1.8'), description: 'Base64url SHA-256 thumbprint of the signer\'s certificate, used to find the key.' },
  crit: { title: 'Critical', type: 'string[]', spec: rfc(7515, '4.1.11'), description: 'Extension parameters the recipient must understand, or else reject the token.' },
  b64: { title: 'Base64url-Encode Payload', type: 'boolean', spec: rfc(7797, '3'), description: 'false means the payload is signed as raw bytes, not base64url-encoded (must be listed in crit).' },
  enc: { title: 'Encryption Algorithm', type: 'string', spec: rfc(7516, '4.1.2'), description: 'The content encryption algorithm of a JWE, e.g. "A256GCM".' },
  zip: { title: 'Compression Algorithm', type: 'string', spec: rfc(7516, '4.1.3'), description: 'The plaintext was compressed (e.g. "DEF") before encryption; defined for JWE only.' },
  epk: { title: 'Ephemeral Public Key', type: 'object', spec: rfc(7518, '4.6.1.1'), description: 'The sender\'s one-time public key for ECDH-ES key agreement.' },
  apu: { title: 'Agreement PartyUInfo', type: 'string', spec: rfc(7518, '4.6.1.2'), description: 'Information about the producer, mixed into the ECDH-ES key derivation.' },
  apv: { title: 'Agreement PartyVInfo', type: 'string', spec: rfc(7518, '4.6.1.3'), description: 'Information about the recipient, mixed into the ECDH-ES key derivation.' },
  iv: { title: 'Initialization Vector', type: 'string', spec: rfc(7518, '4.7.1.1'), description: 'The IV used to wrap the content key with AES GCM key wrapping.' },
  tag: { title: 'Authentication Tag', type: 'string', spec: rfc(7518, '4.7.1.2'), description: 'The tag from wrapping the content key with AES GCM key wrapping.' },
  p2s: { title: 'PBES2 Salt Input', type: 'string', spec: rfc(7518, '4.8.1.1'), description: 'The salt for deriving the key from a password (PBES2).' },
  p2c: { title: 'PBES2 Count', type: 'integer', spec: rfc(7518, '4.8.1.2'), description: 'The PBKDF2 iteration count for deriving the key from a password; at least 1000 is recommended.' },
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
    info: { title: 'Microsoft extension claim', type: 'any', spec: ENTRA_OPTIONAL, description: 'A Microsoft Entra ID optional or internal claim (the xms_ prefix is Microsoft\'s).' },
  },
  {
    pattern: 'cognito:*',
    where: 'payload',
    regex: /^cognito:/,
    info: { title: 'Amazon Cognito claim', type: 'any', spec: COGNITO_ID, description: 'A claim Amazon Cognito adds (the cognito: prefix is Cognito\'s).' },
  },
  {
    pattern: 'custom:*',
    where: 'payload',
    regex: /^custom:/,
    info: { title: 'Amazon Cognito custom attribute', type: 'any', spec: COGNITO_ID, description: 'A custom user attribute defined in the Cognito user pool.' },
  },
  {
    pattern: 'namespaced (URL or URN)',
    where: 'payload',
    regex: /^(https?:\/\/[^\s/]+|[Uu][Rr][Nn]:[A-Za-z0-9][A-Za-z0-9-]*:)/,
    info: { title: 'Namespaced custom claim', type: 'any', spec: AUTH0_CUSTOM, description: 'A namespaced custom claim (Auth0 and others require custom claims to be URLs/URIs so they cannot collide).' },
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
      description: `${replicated.description} Here copied into the header, where the token is encrypted (RFC 7519 §5.3).`,
    };
  }
  for (const rule of CLAIM_PATTERNS) {
    if (rule.where === where && rule.regex.test(name)) {
      return { ...rule.info, name, where, pattern: rule.pattern };
    }
  }
  return null;
}
