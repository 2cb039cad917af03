import english from '@/lib/i18n/compiled/en/findings.json';
import { messagesFor } from '@/lib/i18n/translate';

export const t = messagesFor(english);

/** Any message ID of the findings part, for tables that name a message per case. */
export type FindingsMessage = keyof typeof english;
