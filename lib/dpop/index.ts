export { isDpopProofHeader } from './detect';
export { accessTokenHash, checkDpopProof } from './check';
export type { DpopCheck, DpopCheckId, DpopOptions, DpopResult } from './check';
