// What the decoder loads after its first paint to check a signature and describe the key.
// A secret needs nothing more. Other key text (PEM, JWK, DER, certificates) fetches the
// key parsers from here, so their chunk shares what this one already brought instead of
// carrying its own copy (two separate imports each carried the parsers).
export { verifyJws, verifyWithKeyText } from '@/lib/jws';
export { readSecretText } from '@/lib/keys/read-key-text';

/** The key parsers (lib/keys), for key text that is not a secret. */
export const loadKeyReaders = () => import('@/lib/keys');
