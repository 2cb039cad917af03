/** A compact JWS rewritten in the JSON serializations (RFC 7515 §7.2): the same protected header, payload and signature. */
export type JwsForm = 'compact' | 'flattened' | 'general';

export function compactToJson(token: string, form: Exclude<JwsForm, 'compact'>): string | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [protectedSegment, payload, signature] = parts as [string, string, string];
  const value =
    form === 'flattened'
      ? { payload, protected: protectedSegment, signature }
      : { payload, signatures: [{ protected: protectedSegment, signature }] };
  return JSON.stringify(value, null, 2);
}
