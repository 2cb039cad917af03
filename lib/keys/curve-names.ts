// The names of the elliptic curves JOSE uses, apart from curves.ts so the curve
// maths (loaded on demand) can name them without importing what loads it.
export type EcCurve = 'P-256' | 'P-384' | 'P-521' | 'secp256k1';
export type OkpCurve = 'Ed25519' | 'Ed448' | 'X25519' | 'X448';
