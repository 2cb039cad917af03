/** Turning decrypted bytes into something the page can show. */
import { base64UrlToBytes, bytesToHex, utf8OrNull } from './bytes';
import type { JweHeader } from './compact';
import { t } from './messages';

export interface PlaintextView {
  plaintext: string;
  plaintextEncoding: 'utf8' | 'hex';
  plaintextIsJson: boolean;
  nestedJws: boolean;
  warnings: string[];
}

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

/** A compact JWS whose first segment is a JSON header naming an "alg". */
export function isCompactJws(text: string): boolean {
  const trimmed = text.trim();
  if (!COMPACT_JWS.test(trimmed)) return false;
  const headerBytes = base64UrlToBytes(trimmed.slice(0, trimmed.indexOf('.')));
  const headerText = headerBytes ? utf8OrNull(headerBytes) : null;
  if (headerText === null) return false;
  try {
    const header: unknown = JSON.parse(headerText);
    return typeof header === 'object' && header !== null && typeof (header as { alg?: unknown }).alg === 'string';
  } catch {
    return false;
  }
}

function isJsonStructure(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}

/** "cty": "JWT" (or "application/JWT") marks a nested JWT; the type name is case-insensitive. */
function ctyIsJwt(header: JweHeader): boolean {
  return typeof header.cty === 'string' && /^(application\/)?jwt$/i.test(header.cty);
}

export function viewPlaintext(bytes: Uint8Array, header: JweHeader): PlaintextView {
  const text = utf8OrNull(bytes);
  const warnings: string[] = [];
  if (text === null) {
    warnings.push(t('jwe.notUtf8'));
    return { plaintext: bytesToHex(bytes), plaintextEncoding: 'hex', plaintextIsJson: false, nestedJws: false, warnings };
  }
  const nestedJws = isCompactJws(text);
  if (nestedJws && !ctyIsJwt(header)) {
    warnings.push(t('jwe.nestedNoCty'));
  }
  if (!nestedJws && ctyIsJwt(header)) {
    warnings.push(t('jwe.ctyNotJws'));
  }
  return { plaintext: text, plaintextEncoding: 'utf8', plaintextIsJson: isJsonStructure(text), nestedJws, warnings };
}
