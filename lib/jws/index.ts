export {
  CURVES,
  JWS_ALGORITHMS,
  JWS_ALGORITHM_NAMES,
  getAlgorithm,
  hashBytes,
  implementationFor,
  isJwsCurve,
  type AlgorithmFamily,
  type CurveInfo,
  type HashName,
  type Implementation,
  type JwsAlgorithm,
  type JwsCurve,
  type JwsKeyType,
} from './algorithms';
export { checkKeyFits, requiredKey, type KeyFitProblem, type KeyPurpose } from './key-fit';
export { verifyJws, type SignatureState, type VerifyOptions, type VerifyOutcome } from './verify';
export { signJws, type SignInput, type SignResult } from './sign';
export { verifyWithKeyText } from './verify-key-text';
