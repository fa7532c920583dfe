"""Independent reference for the audit vectors: Python's hashlib and the `cryptography`
package (OpenSSL), sharing no code with Chancery. Run: python3 generate.py"""
import base64, hashlib, json
from cryptography.hazmat.primitives.asymmetric import ec, x25519
from cryptography.hazmat.primitives.asymmetric.utils import Prehashed, decode_dss_signature
from cryptography.hazmat.primitives import hashes, serialization

N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141

def tagged(tag, msg):
    t = hashlib.sha256(tag.encode()).digest()
    return hashlib.sha256(t + t + msg).digest()

def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)

def jcs(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()

def epoch_keys():
    cases = []
    for master_hex, epoch in [
        ("0000000000000000000000000000000000000000000000000000000000000001", 0),
        ("c90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74020bbea63b14e5c9", 20413),
        ("c90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74020bbea63b14e5c9", 20414),
        ("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140", 18446744073709551615),
    ]:
        secret = hashlib.sha256(b"chancery/auditor-epoch/v1" + bytes.fromhex(master_hex) + epoch.to_bytes(8, "big")).digest()
        public = x25519.X25519PrivateKey.from_private_bytes(secret).public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        cases.append({"master": master_hex, "epoch": str(epoch), "epochSecret": secret.hex(), "publicKey": public.hex()})
    return {"derivation": "x_e = SHA-256(\"chancery/auditor-epoch/v1\" || master || u64 epoch); public = X25519(x_e, 9)",
            "cases": cases}

def audit_query():
    chain_id = "test-chain"
    key = ec.derive_private_key(0x4C0883A69102937D6231471B5DBB6204FE5129617082792AE468D01A3F362318, ec.SECP256K1())
    public = key.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.CompressedPoint)
    query = {"auditor": "regulator", "kind": "trace",
             "memberHandle": "5f1e4f1bde1c5e3c3d1d8e2b3a6f0e9c8b7a6d5c4b3a29180716253443526170",
             "scope": {"from": 1763712000000, "to": 1763798400000, "types": ["did.create", "test.put"]},
             "time": 1763712123456}
    canonical = jcs(query)
    digest = tagged("chancery/audit-query/v1", varint(len(chain_id)) + chain_id.encode() + varint(len(canonical)) + canonical)
    r, s = decode_dss_signature(key.sign(digest, ec.ECDSA(Prehashed(hashes.SHA256()))))
    s = min(s, N - s)
    signature = base64.urlsafe_b64encode(r.to_bytes(32, "big") + s.to_bytes(32, "big")).rstrip(b"=").decode()
    body = jcs({"query": query, "signature": signature})
    return {"chainId": chain_id, "auditorSigningKey": public.hex(), "canonicalQuery": canonical.decode(),
            "digest": digest.hex(), "body": body.decode()}

for name, value in [("auditor-epoch-keys", epoch_keys()), ("audit-query", audit_query())]:
    with open(name + ".json", "w") as f:
        json.dump(value, f, indent=2)
        f.write("\n")
