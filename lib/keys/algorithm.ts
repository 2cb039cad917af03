/**
 * The AlgorithmIdentifier shared by SPKI and PKCS#8: which kind of key a
 * structure holds, with a clear error for the kinds JOSE has no use for.
 */
import { type DerNode, TAG, readOid, sequence } from './der';
import { type EcCurve, type OkpCurve, ecCurveOfOid, okpCurveOfOid } from './curves';
import { KeyError } from './errors';
import { type MlDsaName, ML_DSA } from './mldsa-params';
import { OID, UNSUPPORTED_ALGORITHMS, UNSUPPORTED_CURVES } from './oids';
import { t } from './messages';

export type KeyAlgorithm =
  | { kind: 'RSA'; pss: boolean }
  | { kind: 'EC'; curve: EcCurve | undefined }
  | { kind: 'OKP'; curve: OkpCurve }
  | { kind: 'AKP'; name: MlDsaName };

export function readAlgorithm(node: DerNode | undefined): KeyAlgorithm {
  const [oidNode, params] = sequence(node, 'algorithm identifier');
  const oid = readOid(oidNode, 'algorithm OID');
  if (oid === OID.rsaEncryption || oid === OID.rsaesOaep) return { kind: 'RSA', pss: false };
  if (oid === OID.rsassaPss) return { kind: 'RSA', pss: true };
  if (oid === OID.ecPublicKey) {
    // PKCS#8 may leave the curve to the inner SEC1 structure.
    if (!params || params.tag === TAG.NULL) return { kind: 'EC', curve: undefined };
    return { kind: 'EC', curve: curveOfParameters(params) };
  }
  const okp = okpCurveOfOid(oid);
  if (okp) return { kind: 'OKP', curve: okp };
  const mlDsa = (Object.keys(ML_DSA) as MlDsaName[]).find((name) => OID[name] === oid);
  if (mlDsa) {
    // RFC 9881 §2: "The contents of the parameters component for each algorithm MUST be absent."
    if (params) throw new KeyError(t('keys.mlDsaParams', { name: mlDsa }));
    return { kind: 'AKP', name: mlDsa };
  }
  const known = Object.hasOwn(UNSUPPORTED_ALGORITHMS, oid) ? UNSUPPORTED_ALGORITHMS[oid] : undefined;
  if (known) throw new KeyError(t('keys.unusedAlgorithm', { name: known }));
  throw new KeyError(t('keys.unknownAlgorithm', { oid }));
}

/** ECParameters: only namedCurve is in use; explicit parameters are refused. */
export function curveOfParameters(params: DerNode): EcCurve {
  if (params.tag === TAG.SEQUENCE) {
    throw new KeyError(t('keys.explicitCurve'));
  }
  const oid = readOid(params, 'EC curve OID');
  const curve = ecCurveOfOid(oid);
  if (curve) return curve;
  const known = Object.hasOwn(UNSUPPORTED_CURVES, oid) ? UNSUPPORTED_CURVES[oid] : undefined;
  throw new KeyError(t('keys.curveNoJoseName', { curve: known ?? oid }));
}
