// Which parameters of an address are credentials. One decision for every place that reads the
// address: readLink (which cleans it) calls these functions, and the boot script that runs before
// paint (components/share/link-boot-script.ts) inlines them by their source text, so each must
// stay self-contained: no imports, no helpers outside its body, nothing that can throw out of it.
// That is why the base64url reading and the private-key test are written here again instead of
// calling lib/token or classifyKeyText: only the little that a yes or no needs.

/** Why a parameter is a credential, or null when it is not one. */
export type CredentialKind = 'name' | 'token-value' | 'key-value' | 'token-name';

/**
 * Whether a query or fragment parameter (name and value, both percent-decoded) is a credential,
 * and why (the first that applies):
 * - 'name': the name is one that OAuth 2.0, OpenID Connect, token exchange or this app use for
 *   a secret, written in any case and with any separators (`Client-Secret`, `clientSecret`,
 *   `params[client_secret]`);
 * - 'token-value': whatever the name, its value is a token (a compact JWS or JWE, an SD-JWT, a
 *   JWS or JWE in JSON);
 * - 'key-value': whatever the name, its value is a private key (PEM, or a JWK or JWK Set with
 *   private members);
 * - 'token-name': the name itself is a token (`?eyJ…`, a token pasted as the whole query).
 * `state`, `nonce`, `session_state` and `username` identify rather than prove: not credentials.
 */
export function credentialParam(name: string, value: string): CredentialKind | null {
  try {
    // Compared without case or separators: "access_token", "Access-Token" and "accessToken" are one name.
    const exactNames = [
      'token', 'key', 'value', 'code', 'jwt', 'publickey', 'signingkey', 'devicecode', 'authcode', 'authorizationcode',
      'codeverifier', 'oauthverifier', 'idtokenhint', 'ticket', 'samlresponse', 'sig', 'credential', 'credentials',
      'pass', 'pwd', 'passphrase', 'authorization', 'apikey', 'privatekey', 'secretkey', 'accesskey', 'clientkey',
      'sessionkey', 'mackey', 'hmackey', 'encryptionkey',
    ];
    // Any name ending so: access_token, refresh_token, subject_token, logout_token, client_secret,
    // oauth_token_secret, client_assertion, new_password, x-amz-signature.
    const suffixes = ['token', 'secret', 'password', 'passwd', 'assertion', 'signature'];
    const isSecretName = (text: string): boolean => {
      const plain = text.toLowerCase().replace(/[^a-z0-9]/g, '');
      if (plain === '') return false;
      if (exactNames.indexOf(plain) >= 0) return true;
      for (const suffix of suffixes) if (plain.length >= suffix.length && plain.slice(-suffix.length) === suffix) return true;
      return false;
    };
    const base64url = /^[A-Za-z0-9_-]*$/;
    // A compact JWS (3 parts) or JWE (5 parts) whose first part is a JSON object: its header.
    const isCompact = (text: string): boolean => {
      const parts = text.split('.');
      if (parts.length !== 3 && parts.length !== 5) return false;
      for (const part of parts) if (!base64url.test(part)) return false;
      const first = parts[0] ?? '';
      if (first.length < 2 || first.length % 4 === 1) return false;
      const header = atob(first.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((first.length + 3) % 4)).trim();
      // Not parsed: a token whose header is broken JSON is still a token someone is debugging.
      return header.charAt(0) === '{' && header.charAt(header.length - 1) === '}';
    };
    const hasOwn = (object: object, member: string) => Object.prototype.hasOwnProperty.call(object, member);
    const isPrivateJwk = (item: unknown): boolean =>
      item !== null && typeof item === 'object' && hasOwn(item, 'kty') && (hasOwn(item, 'd') || hasOwn(item, 'k') || hasOwn(item, 'p'));
    const jsonObject = (text: string): object | null => {
      if (text.charAt(0) !== '{') return null;
      const json: unknown = JSON.parse(text);
      return json !== null && typeof json === 'object' && !Array.isArray(json) ? json : null;
    };
    const isToken = (raw: string): boolean => {
      let text = raw.trim();
      const scheme = /^(?:bearer|dpop)\s/i.exec(text);
      if (scheme) text = text.slice(scheme[0].length).trim();
      if (text === '') return false;
      // An SD-JWT: the issuer's JWS, then disclosures and a key binding JWT after "~".
      const tilde = text.indexOf('~');
      if (isCompact(tilde >= 0 ? text.slice(0, tilde) : text)) return true;
      const json = jsonObject(text);
      return json !== null && (hasOwn(json, 'ciphertext') || (hasOwn(json, 'payload') && (hasOwn(json, 'signature') || hasOwn(json, 'signatures'))));
    };
    const isPrivateKey = (raw: string): boolean => {
      const text = raw.trim();
      if (text.indexOf('PRIVATE KEY-----') >= 0 && text.indexOf('-----BEGIN ') >= 0) return true;
      const json = jsonObject(text);
      if (json === null) return false;
      const keys = (json as { keys?: unknown }).keys;
      return isPrivateJwk(json) || (Array.isArray(keys) && keys.some(isPrivateJwk));
    };
    const safely = (check: (text: string) => boolean, text: string): boolean => {
      try {
        return check(text);
      } catch {
        return false;
      }
    };

    if (isSecretName(name)) return 'name';
    // A nested name (`params[client_secret]`, `auth.key`): any of its parts.
    for (const part of name.split(/[[\].:/\s]+/)) if (part !== name && isSecretName(part)) return 'name';
    if (safely(isToken, value)) return 'token-value';
    if (safely(isPrivateKey, value)) return 'key-value';
    if (safely(isToken, name)) return 'token-name';
    return null;
  } catch {
    return null;
  }
}

/**
 * Whether a query string (`location.search`, with or without its "?") carries a credential, as
 * `credentialParam` judges each parameter. Takes that function as an argument so that the boot
 * script can inline both.
 */
export function queryCarriesCredential(search: string, isCredential: (name: string, value: string) => unknown): boolean {
  try {
    let found = false;
    new URLSearchParams(search).forEach((value, name) => {
      if (!found && isCredential(name, value)) found = true;
    });
    return found;
  } catch {
    return false;
  }
}

/**
 * The boot script's test, as a JavaScript expression over `location`: whether the address holds
 * a link to open or a credential to clean (anything after "#", or a credential in the query).
 * Built from the functions above, so it decides as readLink does.
 */
export const ADDRESS_CARRIES_LINK_EXPRESSION = `(location.hash.length>1||(${queryCarriesCredential.toString()})(location.search,${credentialParam.toString()}))`;
