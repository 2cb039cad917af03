/**
 * ML-DSA (FIPS 204) for JOSE: WebCrypto where the browser implements it
 * (the "Modern Algorithms in WebCrypto" draft: formats "raw-public" and
 * "raw-seed"), @noble/post-quantum everywhere else. The library is loaded
 * only when an ML-DSA key is used. JOSE signs with an empty context string.
 */
import { ML_DSA, ML_DSA_SEED_BYTES, type MlDsaName } from '@/lib/keys/mldsa-params';
import { t } from './messages';

export type MlDsaImplementation = 'webcrypto' | 'noble';

export class MlDsaKeyError extends Error {}

type NobleDsa = (typeof import('@noble/post-quantum/ml-dsa.js'))['ml_dsa44'];

async function loadNoble(name: MlDsaName): Promise<NobleDsa> {
  const { ml_dsa44, ml_dsa65, ml_dsa87 } = await import('@noble/post-quantum/ml-dsa.js');
  return name === 'ML-DSA-44' ? ml_dsa44 : name === 'ML-DSA-65' ? ml_dsa65 : ml_dsa87;
}

/** Whether this platform's WebCrypto has the parameter set; probed once per name. */
const webCryptoSupport = new Map<MlDsaName, Promise<boolean>>();

export function webCryptoHasMlDsa(name: MlDsaName): Promise<boolean> {
  let probe = webCryptoSupport.get(name);
  if (!probe) {
    probe = (async () => {
      try {
        if (typeof crypto === 'undefined' || !crypto.subtle) return false;
        await crypto.subtle.importKey('raw-seed' as 'raw', new Uint8Array(ML_DSA_SEED_BYTES), { name }, false, ['sign']);
        return true;
      } catch {
        return false;
      }
    })();
    webCryptoSupport.set(name, probe);
  }
  return probe;
}

async function pick(name: MlDsaName, prefer?: MlDsaImplementation): Promise<MlDsaImplementation> {
  if (prefer) return prefer;
  return (await webCryptoHasMlDsa(name)) ? 'webcrypto' : 'noble';
}

function checkLength(bytes: Uint8Array, expected: number, what: string): void {
  if (bytes.length !== expected) throw new MlDsaKeyError(t('jws.keyPartWrongLength', { what, n: String(bytes.length), expected: String(expected) }));
}

/** True when `signature` is an ML-DSA signature of `data` under the encoded public key `pub`. */
export async function mlDsaVerify(
  name: MlDsaName,
  pub: Uint8Array<ArrayBuffer>,
  data: Uint8Array<ArrayBuffer>,
  signature: Uint8Array<ArrayBuffer>,
  prefer?: MlDsaImplementation,
): Promise<boolean> {
  const params = ML_DSA[name];
  checkLength(pub, params.publicKeyBytes, t('jws.whatMlDsaPublicKey', { name }));
  if (signature.length !== params.signatureBytes) return false;
  if ((await pick(name, prefer)) === 'webcrypto') {
    const key = await crypto.subtle.importKey('raw-public' as 'raw', pub, { name }, false, ['verify']);
    return crypto.subtle.verify({ name }, key, signature, data);
  }
  const dsa = await loadNoble(name);
  try {
    return dsa.verify(signature, data, pub);
  } catch {
    return false;
  }
}

/** The signature of `data` with the private key given as its 32-byte seed. */
export async function mlDsaSign(name: MlDsaName, seed: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>, prefer?: MlDsaImplementation): Promise<Uint8Array> {
  checkLength(seed, ML_DSA_SEED_BYTES, t('jws.whatMlDsaSeed', { name }));
  if ((await pick(name, prefer)) === 'webcrypto') {
    const key = await crypto.subtle.importKey('raw-seed' as 'raw', seed, { name }, false, ['sign']);
    return new Uint8Array(await crypto.subtle.sign({ name }, key, data));
  }
  const dsa = await loadNoble(name);
  const { secretKey } = dsa.keygen(seed);
  return dsa.sign(data, secretKey);
}

/** The encoded public key for a seed (FIPS 204 ML-DSA.KeyGen_internal). */
export async function mlDsaPublicKey(name: MlDsaName, seed: Uint8Array): Promise<Uint8Array> {
  checkLength(seed, ML_DSA_SEED_BYTES, t('jws.whatMlDsaSeed', { name }));
  const dsa = await loadNoble(name);
  return dsa.keygen(seed).publicKey;
}
