import english from '@/lib/i18n/compiled/en/jws.json';
import { messagesFor } from '@/lib/i18n/translate';

export const t = messagesFor(english);
