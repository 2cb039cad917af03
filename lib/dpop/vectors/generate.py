#!/usr/bin/python3
"""Builds DPoP (RFC 9449) test vectors with an implementation independent of
ours: jwcrypto signs and computes RFC 7638 thumbprints, hashlib computes ath.

Run once with Debian's python3 (python3-jwcrypto): /usr/bin/python3 generate.py
It writes dpop-vectors.json beside itself; the tests read only that file.
"""
import base64
import hashlib
import json
import os

from jwcrypto import jwk, jws

HERE = os.path.dirname(os.path.abspath(__file__))
IAT = 1767225600  # 2026-01-01T00:00:00Z


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def sign(key, header: dict, payload: dict) -> str:
    token = jws.JWS(json.dumps(payload).encode("utf-8"))
    token.add_signature(key, None, json.dumps(header), None)
    return token.serialize(compact=True)


ec_key = jwk.JWK.generate(kty="EC", crv="P-256")
rsa_key = jwk.JWK.generate(kty="RSA", size=2048)
other_key = jwk.JWK.generate(kty="EC", crv="P-256")
as_key = jwk.JWK.generate(kty="EC", crv="P-256", kid="as-1")


def proof(key, alg, claims, typ="dpop+jwt", header_key=None):
    header = {"typ": typ, "alg": alg, "jwk": json.loads((header_key or key).export_public())}
    return sign(key, header, claims)


def access_token(jkt):
    return sign(as_key, {"alg": "ES256", "typ": "at+jwt"}, {
        "iss": "https://as.example.com", "sub": "user-1", "aud": "https://resource.example.org",
        "iat": IAT - 60, "exp": IAT + 3600, "client_id": "client-1", "cnf": {"jkt": jkt},
    })


at_ec = access_token(ec_key.thumbprint())
at_rsa = access_token(rsa_key.thumbprint())
at_other = access_token(other_key.thumbprint())


def ath(token):
    return b64(hashlib.sha256(token.encode("ascii")).digest())


base = {"htm": "GET", "htu": "https://resource.example.org/protected", "iat": IAT}
vectors = {
    "generator": "lib/dpop/vectors/generate.py (jwcrypto, hashlib)",
    "now": IAT + 10,
    "cases": {
        "token-request": {
            "proof": proof(ec_key, "ES256", {"jti": "e1j3V_bKic8-LAEB", "htm": "POST", "htu": "https://server.example.com/token", "iat": IAT}),
            "thumbprint": ec_key.thumbprint(),
        },
        "resource-ec": {
            "proof": proof(ec_key, "ES256", dict(base, jti="a-1", ath=ath(at_ec))),
            "accessToken": at_ec,
            "ath": ath(at_ec),
            "thumbprint": ec_key.thumbprint(),
        },
        "resource-rsa": {
            "proof": proof(rsa_key, "RS256", dict(base, jti="r-1", ath=ath(at_rsa))),
            "accessToken": at_rsa,
            "ath": ath(at_rsa),
            "thumbprint": rsa_key.thumbprint(),
        },
        "wrong-ath": {
            "proof": proof(ec_key, "ES256", dict(base, jti="w-1", ath=ath(at_ec + "x"))),
            "accessToken": at_ec,
        },
        "wrong-jkt": {
            "proof": proof(ec_key, "ES256", dict(base, jti="w-2", ath=ath(at_other))),
            "accessToken": at_other,
        },
        "stale": {
            "proof": proof(ec_key, "ES256", {"jti": "s-1", "htm": "GET", "htu": "https://resource.example.org/protected", "iat": IAT - 3600}),
        },
        "no-jti": {
            "proof": proof(ec_key, "ES256", {"htm": "GET", "htu": "https://resource.example.org/protected", "iat": IAT}),
        },
        "signed-by-other-key": {
            "proof": proof(other_key, "ES256", dict(base, jti="o-1"), header_key=ec_key),
        },
    },
}

with open(os.path.join(HERE, "dpop-vectors.json"), "w", encoding="utf-8") as f:
    json.dump(vectors, f, indent=2)
    f.write("\n")
print("wrote dpop-vectors.json")
