// What the decoder loads after its first paint to read keys and check signatures, as one
// chunk. Fetched apart (lib/keys for the key's details, lib/jws for the signature), each
// chunk carried its own copy of the key parsers, so a visit downloaded them twice.
export * from '@/lib/keys';
export { verifyJws, verifyWithKeyText } from '@/lib/jws';
