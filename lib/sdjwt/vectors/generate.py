#!/usr/bin/python3
"""Builds SD-JWT test vectors with an implementation independent of ours:
jwcrypto signs, hashlib computes digests, and the expected verifier view is
computed here by a small reference processing of RFC 9901 section 7.1.

Run once with Debian's python3 (python3-jwcrypto): /usr/bin/python3 generate.py
It writes sdjwt-vectors.json beside itself; the tests read only that file.
"""
import base64
import hashlib
import json
import os
import secrets

from jwcrypto import jwk, jws

HERE = os.path.dirname(os.path.abspath(__file__))
HASHES = {"sha-256": hashlib.sha256, "sha-384": hashlib.sha384, "sha-512": hashlib.sha512}


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def disclosure(*items) -> str:
    return b64(json.dumps(list(items), ensure_ascii=False).encode("utf-8"))


def digest(alg: str, text: str) -> str:
    return b64(HASHES[alg](text.encode("ascii")).digest())


def sign(key, header: dict, payload: dict) -> str:
    token = jws.JWS(json.dumps(payload).encode("utf-8"))
    token.add_signature(key, None, json.dumps(header), None)
    return token.serialize(compact=True)


def process(payload, by_digest):
    """Reference verifier processing: returns the claims a verifier ends up with."""
    def walk(node):
        if isinstance(node, dict):
            out = {}
            for name, value in node.items():
                if name in ("_sd", "_sd_alg"):
                    continue
                out[name] = walk(value)
            for d in node.get("_sd", []):
                if d in by_digest:
                    _, name, value = by_digest[d]
                    out[name] = walk(value)
            return out
        if isinstance(node, list):
            out = []
            for item in node:
                if isinstance(item, dict) and list(item.keys()) == ["..."]:
                    if item["..."] in by_digest:
                        out.append(walk(by_digest[item["..."]][1]))
                else:
                    out.append(walk(item))
            return out
        return node
    return walk(payload)


issuer_key = jwk.JWK.generate(kty="EC", crv="P-256", kid="issuer-1")
holder_key = jwk.JWK.generate(kty="EC", crv="P-256")
other_key = jwk.JWK.generate(kty="EC", crv="P-256")
issuer_rsa = jwk.JWK.generate(kty="RSA", size=2048, kid="issuer-rsa")


def salt() -> str:
    return b64(secrets.token_bytes(16))


def build(alg: str, key, kid_alg: str, present=None, kb=True, kb_key=None, kb_typ="kb+jwt", bad_sd_hash=False):
    d_given = disclosure(salt(), "given_name", "Erika")
    d_family = disclosure(salt(), "family_name", "Mustermann")
    d_email = disclosure(salt(), "email", "erika@example.com")
    d_street = disclosure(salt(), "street_address", "Heidestraße 17")
    d_locality = disclosure(salt(), "locality", "Köln")
    d_de = disclosure(salt(), "DE")
    d_fr = disclosure(salt(), "FR")
    # A recursively disclosed object: its value itself holds _sd digests.
    d_country = disclosure(salt(), "country", "DE")
    d_birth = disclosure(salt(), "place_of_birth", {"_sd": [digest(alg, d_country)], "locality": "Berlin"})
    decoy1 = b64(HASHES[alg](secrets.token_bytes(32)).digest())
    decoy2 = b64(HASHES[alg](secrets.token_bytes(32)).digest())
    payload = {
        "_sd": sorted([digest(alg, d_given), digest(alg, d_family), digest(alg, d_email), digest(alg, d_birth), decoy1]),
        "iss": "https://issuer.example.com",
        "iat": 1767225600,
        "exp": 1893456000,
        "vct": "https://credentials.example.com/identity_credential",
        "address": {"_sd": sorted([digest(alg, d_street), digest(alg, d_locality)]), "postal_code": "50667"},
        "nationalities": [{"...": digest(alg, d_de)}, {"...": digest(alg, d_fr)}, {"...": decoy2}, "AT"],
        "_sd_alg": alg,
        "cnf": {"jwk": json.loads(holder_key.export_public())},
    }
    header = {"alg": kid_alg, "typ": "dc+sd-jwt", "kid": key.key_id}
    jwt = sign(key, header, payload)
    named = {
        "given_name": d_given, "family_name": d_family, "email": d_email, "street_address": d_street,
        "locality": d_locality, "DE": d_de, "FR": d_fr, "country": d_country, "place_of_birth": d_birth,
    }
    chosen = list(named.keys()) if present is None else present
    disclosures = [named[n] for n in chosen]
    presentation = jwt + "~" + "".join(d + "~" for d in disclosures)
    by_digest = {}
    for d in disclosures:
        items = json.loads(base64.urlsafe_b64decode(d + "=" * (-len(d) % 4)))
        by_digest[digest(alg, d)] = items if len(items) == 3 else [items[0], items[1]]
    # Array-element disclosures are [salt, value]; the walk needs the value at index 1.
    fixed = {}
    for k, v in by_digest.items():
        fixed[k] = v if len(v) == 3 else [v[0], v[1]]
    expected = process(payload, fixed)
    all_digests = set()

    def collect(node):
        if isinstance(node, dict):
            for d in node.get("_sd", []):
                all_digests.add(d)
            if list(node.keys()) == ["..."]:
                all_digests.add(node["..."])
            for k, v in node.items():
                if k != "_sd":
                    collect(v)
        elif isinstance(node, list):
            for v in node:
                collect(v)
    collect(payload)
    for d in disclosures:
        items = json.loads(base64.urlsafe_b64decode(d + "=" * (-len(d) % 4)))
        collect(items[-1])
    undisclosed = len(all_digests - set(digest(alg, d) for d in disclosures))
    kb_jwt = ""
    sd_hash = digest(alg, presentation)
    if kb:
        kb_payload = {"iat": 1767225900, "aud": "https://verifier.example.org", "nonce": "n-0S6_WzA2Mj", "sd_hash": sd_hash}
        if bad_sd_hash:
            kb_payload["sd_hash"] = digest(alg, presentation + "x")
        kb_jwt = sign(kb_key or holder_key, {"alg": "ES256", "typ": kb_typ}, kb_payload)
    return {
        "sdJwt": presentation + kb_jwt,
        "issuerJwt": jwt,
        "issuerPayload": payload,
        "disclosures": [
            {"text": d, "digest": digest(alg, d), "decoded": json.loads(base64.urlsafe_b64decode(d + "=" * (-len(d) % 4)))}
            for d in disclosures
        ],
        "expectedClaims": expected,
        "undisclosedDigests": undisclosed,
        "sdHash": sd_hash,
        "issuerPublicJwk": json.loads(key.export_public()),
    }


def tamper_payload_jwt(key, header, payload):
    return sign(key, header, payload)


vectors = {
    "generator": "lib/sdjwt/vectors/generate.py (jwcrypto %s, hashlib)" % __import__("jwcrypto").__version__ if hasattr(__import__("jwcrypto"), "__version__") else "lib/sdjwt/vectors/generate.py (jwcrypto, hashlib)",
    "holderPublicJwk": json.loads(holder_key.export_public()),
    "otherPublicJwk": json.loads(other_key.export_public()),
    "cases": {
        "full-sha256-kb": build("sha-256", issuer_key, "ES256"),
        "subset-sha256-kb": build("sha-256", issuer_key, "ES256", present=["given_name", "locality", "FR", "place_of_birth"]),
        "issuance-sha384-rsa": build("sha-384", issuer_rsa, "RS256", kb=False),
        "subset-sha512-kb": build("sha-512", issuer_key, "ES256", present=["email", "DE", "country", "place_of_birth"]),
        "kb-wrong-key": build("sha-256", issuer_key, "ES256", present=["email"], kb_key=other_key),
        "kb-wrong-typ": build("sha-256", issuer_key, "ES256", present=["email"], kb_typ="JWT"),
        "kb-wrong-sd-hash": build("sha-256", issuer_key, "ES256", present=["email"], bad_sd_hash=True),
    },
}

# Problem cases built by hand around one issuer JWT.
base_salt = salt()
d_a = disclosure(base_salt, "a", 1)
d_reserved = disclosure(salt(), "_sd", ["x"])
d_dots = disclosure(salt(), "...", "y")
d_unref = disclosure(salt(), "b", 2)
d_malformed_4 = b64(json.dumps([salt(), "c", 3, 4]).encode())
d_not_json = b64(b"not json")
payload = {
    "_sd": [digest("sha-256", d_a), digest("sha-256", d_a), digest("sha-256", d_reserved), digest("sha-256", d_dots), digest("sha-256", d_malformed_4)],
    "iss": "https://issuer.example.com",
}
jwt = sign(issuer_key, {"alg": "ES256", "typ": "dc+sd-jwt"}, payload)
vectors["problems"] = {
    "sdJwt": "~".join([jwt, d_a, d_reserved, d_dots, d_unref, d_malformed_4, d_not_json]) + "~",
    "unreferencedDisclosure": d_unref,
    "duplicateDigest": digest("sha-256", d_a),
}
payload_md5 = {"_sd": [b64(hashlib.md5(d_a.encode()).digest())], "_sd_alg": "md5", "iss": "https://issuer.example.com"}
vectors["unsupportedAlg"] = {"sdJwt": sign(issuer_key, {"alg": "ES256", "typ": "dc+sd-jwt"}, payload_md5) + "~" + d_a + "~"}

with open(os.path.join(HERE, "sdjwt-vectors.json"), "w", encoding="utf-8") as f:
    json.dump(vectors, f, indent=2, ensure_ascii=False)
    f.write("\n")
print("wrote", os.path.join(HERE, "sdjwt-vectors.json"))
