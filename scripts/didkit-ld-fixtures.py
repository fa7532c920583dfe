#!/usr/bin/env python3
"""Generates the DIDKit-issued Linked Data credential fixtures of
specs/vectors/di-eddsa/didkit (issue #20): an Ed25519Signature2018 and an
Ed25519Signature2020 credential for a did:key issuer, signed by DIDKit (PyPI `didkit`),
an implementation independent of Chancery's.

The key is the published vc-di-eddsa key pair (specs/vectors/di-eddsa/keyPair.json) and
`created` is fixed, so Ed25519's deterministic signatures make every run write the same files.

    pip install didkit==0.3.3
    python3 scripts/didkit-ld-fixtures.py
"""
import asyncio
import os
import sys
import base64
import json
import pathlib

import didkit

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "specs/vectors/di-eddsa/didkit"
ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58decode(text: str) -> bytes:
    number = 0
    for char in text:
        number = number * 58 + ALPHABET.index(char)
    raw = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return b"\0" * (len(text) - len(text.lstrip("1"))) + raw


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jwk_of_vector_key() -> str:
    pair = json.loads((ROOT / "specs/vectors/di-eddsa/keyPair.json").read_text())
    seed = b58decode(pair["privateKeyMultibase"][1:])[2:]   # multicodec ed25519-priv (0x1300)
    public = b58decode(pair["publicKeyMultibase"][1:])[2:]  # multicodec ed25519-pub (0xed)
    return json.dumps({"kty": "OKP", "crv": "Ed25519", "x": b64url(public), "d": b64url(seed)})


async def main() -> None:
    key = jwk_of_vector_key()
    did = didkit.key_to_did("key", key)
    method = await didkit.key_to_verification_method("key", key)
    OUT.mkdir(parents=True, exist_ok=True)
    for proof_type, contexts in [
        ("Ed25519Signature2018", ["https://www.w3.org/2018/credentials/v1", "https://www.w3.org/2018/credentials/examples/v1"]),
        ("Ed25519Signature2020", ["https://www.w3.org/2018/credentials/v1", "https://www.w3.org/2018/credentials/examples/v1",
                                  "https://w3id.org/security/suites/ed25519-2020/v1"]),
    ]:
        credential = {
            "@context": contexts,
            "id": "urn:uuid:2f1c3d6e-8a4b-4c1d-9e2f-0a1b2c3d4e5f",
            "type": ["VerifiableCredential", "UniversityDegreeCredential"],
            "issuer": did,
            "issuanceDate": "2024-01-01T00:00:00Z",
            "credentialSubject": {
                "id": "did:example:ebfeb1f712ebc6f1c276e12ec21",
                "degree": {"type": "BachelorDegree", "name": "Bachelor of Science and Arts"},
            },
        }
        options = {"proofPurpose": "assertionMethod", "verificationMethod": method, "type": proof_type,
                   "created": "2024-01-01T00:00:00Z"}
        signed = await didkit.issue_credential(json.dumps(credential), json.dumps(options), key)
        document = json.loads(signed)
        verdict = json.loads(await didkit.verify_credential(signed, json.dumps({"proofPurpose": "assertionMethod"})))
        assert not verdict["errors"], verdict
        (OUT / f"{proof_type}.json").write_text(json.dumps(document, indent=2) + "\n")
        print(proof_type, document["proof"].get("jws") or document["proof"].get("proofValue"))


asyncio.run(main())
sys.stdout.flush()
# didkit 0.3.3's runtime aborts in interpreter finalization (PyGILState_Release) after the
# work is done; leave without finalizing.
os._exit(0)
