/** X.509 certificates (RFC 5280): the subject's key, and a summary a person can check. */
import { hexEncode } from './base64';
import { type DerNode, TAG, childrenOf, contextTag, expectTag, readOid, sequence } from './der';
import { KeyError } from './errors';
import { NAME_ATTRIBUTES } from './oids';
import { type DecodedKey, spkiToJwk } from './spki';
import type { CertificateSummary } from './types';
import { t } from './messages';
import { elementName } from './element-names';

export interface DecodedCertificate extends DecodedKey {
  certificate: CertificateSummary;
}

/**
 * Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }
 * TBSCertificate ::= SEQUENCE { version [0] EXPLICIT OPTIONAL, serialNumber, signature,
 *   issuer, validity, subject, subjectPublicKeyInfo, ... }
 */
export function certificateToJwk(node: DerNode, now: Date): DecodedCertificate {
  const [tbs] = sequence(node, 'certificate');
  const fields = sequence(tbs, 'certificate body (TBSCertificate)');
  if (fields[0]?.tag === contextTag(0)) fields.shift();
  const [serial, , issuer, validity, subject, spki] = fields;
  const serialBytes = expectTag(serial, TAG.INTEGER, 'certificate serial number').content;
  const [notBeforeNode, notAfterNode] = sequence(validity, 'certificate validity');
  const notBefore = readTime(notBeforeNode, 'validity start (notBefore)');
  const notAfter = readTime(notAfterNode, 'validity end (notAfter)');
  const issuerNode = expectTag(issuer, TAG.SEQUENCE, 'certificate issuer');
  const subjectNode = expectTag(subject, TAG.SEQUENCE, 'certificate subject');
  const key = spkiToJwk(expectTag(spki, TAG.SEQUENCE, 'certificate public key'));
  return {
    ...key,
    certificate: {
      subject: formatName(subjectNode),
      issuer: formatName(issuerNode),
      notBefore: notBefore.toISOString(),
      notAfter: notAfter.toISOString(),
      serialNumber: hexEncode(serialBytes.length > 1 && serialBytes[0] === 0 ? serialBytes.subarray(1) : serialBytes),
      expired: now.getTime() > notAfter.getTime(),
      notYetValid: now.getTime() < notBefore.getTime(),
      selfSigned: sameBytes(subjectNode.raw, issuerNode.raw),
    },
  };
}

/** UTCTime (YYMMDDHHMMSSZ) or GeneralizedTime (YYYYMMDDHHMMSS[.f]Z). */
function readTime(node: DerNode | undefined, what: string): Date {
  if (!node || (node.tag !== TAG.UTC_TIME && node.tag !== TAG.GENERALIZED_TIME)) {
    throw new KeyError(t('keys.certNotTime', { what: elementName(what) }));
  }
  const text = new TextDecoder().decode(node.content);
  const match =
    node.tag === TAG.UTC_TIME
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(text)
      : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/.exec(text);
  if (!match) throw new KeyError(t('keys.certNotUtc', { what: elementName(what), text }));
  const [, y, mo, d, h, mi, s] = match;
  let year = Number(y);
  if (node.tag === TAG.UTC_TIME) year += year >= 50 ? 1900 : 2000; // RFC 5280 §4.1.2.5.1
  return new Date(Date.UTC(year, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0)));
}

/** A Name as an RFC 4514 string, most specific first: "CN=example.com, O=Example, C=US". */
function formatName(name: DerNode): string {
  const rdns = childrenOf(name).map((set) =>
    childrenOf(set)
      .map((attribute) => {
        const [type, value] = sequence(attribute, 'name attribute');
        const oid = readOid(type, 'name attribute type');
        return `${NAME_ATTRIBUTES[oid] ?? oid}=${escapeValue(readString(value))}`;
      })
      .join(' + '),
  );
  return rdns.reverse().join(', ');
}

function readString(node: DerNode | undefined): string {
  if (!node) return '';
  switch (node.tag) {
    case TAG.BMP_STRING: {
      let out = '';
      for (let i = 0; i + 1 < node.content.length; i += 2) out += String.fromCharCode((node.content[i]! << 8) | node.content[i + 1]!);
      return out;
    }
    case TAG.UNIVERSAL_STRING: {
      let out = '';
      const c = node.content;
      for (let i = 0; i + 3 < c.length; i += 4) out += String.fromCodePoint(((c[i]! << 24) | (c[i + 1]! << 16) | (c[i + 2]! << 8) | c[i + 3]!) >>> 0);
      return out;
    }
    case TAG.T61_STRING:
      return String.fromCharCode(...node.content); // Latin-1 in practice
    default:
      return new TextDecoder().decode(node.content);
  }
}

function escapeValue(value: string): string {
  return value.replace(/[,+"\\<>;=]/g, (c) => `\\${c}`).replace(/^[ #]|\s$/g, (c) => `\\${c}`);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
