import english from '@/lib/i18n/compiled/en/claims.json';
import { messagesFor } from '@/lib/i18n/translate';

export const t = messagesFor(english);

/** Any message ID of the claims part. */
export type ClaimsMessage = keyof typeof english;
