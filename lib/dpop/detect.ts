/** A DPoP proof announces itself with typ "dpop+jwt" (RFC 9449 §4.2). Media types compare case-insensitively. */
export function isDpopProofHeader(header: Record<string, unknown> | null | undefined): boolean {
  return typeof header?.typ === 'string' && header.typ.toLowerCase() === 'dpop+jwt';
}
