import english from '@/lib/i18n/compiled/en/jwks.json';
import { messagesFor } from '@/lib/i18n/translate';

export const t = messagesFor(english);
