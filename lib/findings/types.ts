import type { SpecRef } from '../claims/specs';

export type Severity = 'high' | 'medium' | 'low' | 'info';

/** One security note about a token, with the advice it rests on. */
export interface Finding {
  /** Stable identifier, e.g. "alg-none"; one per rule outcome. */
  id: string;
  severity: Severity;
  /** A short headline. */
  title: string;
  /** What it means and what a verifier should do, in plain sentences. */
  detail: string;
  spec: SpecRef;
  /** The header parameter or claim the note is about, for pointing at its row. */
  where?: 'header' | 'payload';
  claim?: string;
}

/** The decoded parts the rules look at; null where a part could not be read (or is still encrypted). */
export interface DecodedForFindings {
  header: Record<string, unknown> | null;
  payload: Record<string, unknown> | null;
  kind: 'jws' | 'jwe';
  /** Bytes in the signature segment (JWS), to notice a signature on an `alg: none` token. */
  signatureLength?: number;
}

export interface FindingContext {
  /** The current time in milliseconds; rules about time stay silent without it. */
  now?: number;
  /** Length of the HMAC secret the user entered, in bits. */
  secretBits?: number;
  /** The format of the key the user entered (see KeyFormat in lib/keys), e.g. "secret" or "pem-spki". */
  keyFormat?: string;
}

/** A rule returns its note, or null when it has nothing to say. */
export type Rule = (token: DecodedForFindings, context: FindingContext) => Finding | null;
