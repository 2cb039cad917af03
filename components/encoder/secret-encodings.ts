import type { EncoderSecretEncoding } from './encoder-state';
import { t } from './messages';

/** How a typed secret is read, for the encoder's selects; called when rendering, so it follows the language. */
export const secretEncodings = (): { value: EncoderSecretEncoding; label: string }[] => [
  { value: 'utf8', label: t('ui-encoder.encodingUtf8') },
  { value: 'base64url', label: t('ui-encoder.encodingBase64url') },
  { value: 'hex', label: t('ui-encoder.encodingHex') },
];
