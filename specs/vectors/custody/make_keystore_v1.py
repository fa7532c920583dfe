#!/usr/bin/env python3
"""Builds vectors/custody/keystore-v1.json from specs/custody-keystore.md alone, independently
of the Swift code: Python's standard library, libsodium through ctypes, and a Keccak-256 and
secp256k1 written here. Salt and nonces are fixed (derived from labels) so the output is
reproducible; real keystores draw them at random.

Run from the package root:  python3 specs/vectors/custody/make_keystore_v1.py
"""
import ctypes, ctypes.util, hashlib, json, pathlib

ROOT = pathlib.Path(__file__).resolve().parents[1]
PASSWORD = "correct horse battery staple"
OPS, MEM = 1, 8192

sodium = ctypes.CDLL(ctypes.util.find_library("sodium"))
assert sodium.sodium_init() >= 0

# --- Keccak-256 (original padding 0x01), from the Keccak reference ---------------------------
RC = [0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
      0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
      0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
      0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
      0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
      0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008]
ROT = [[0, 36, 3, 41, 18], [1, 44, 10, 45, 2], [62, 6, 43, 15, 61], [28, 55, 25, 21, 56], [27, 20, 39, 8, 14]]
M = (1 << 64) - 1

def rol(v, n): return ((v << n) | (v >> (64 - n))) & M if n else v

def keccak_f(a):
    for rc in RC:
        c = [a[x][0] ^ a[x][1] ^ a[x][2] ^ a[x][3] ^ a[x][4] for x in range(5)]
        d = [c[(x - 1) % 5] ^ rol(c[(x + 1) % 5], 1) for x in range(5)]
        a = [[a[x][y] ^ d[x] for y in range(5)] for x in range(5)]
        b = [[0] * 5 for _ in range(5)]
        for x in range(5):
            for y in range(5):
                b[y][(2 * x + 3 * y) % 5] = rol(a[x][y], ROT[x][y])
        a = [[b[x][y] ^ (~b[(x + 1) % 5][y] & b[(x + 2) % 5][y]) for y in range(5)] for x in range(5)]
        a[0][0] ^= rc
    return a

def keccak256(data):
    rate = 136
    pad = rate - len(data) % rate
    padded = bytes(data) + (b"\x81" if pad == 1 else b"\x01" + b"\x00" * (pad - 2) + b"\x80")
    a = [[0] * 5 for _ in range(5)]
    for off in range(0, len(padded), rate):
        block = padded[off:off + rate]
        for i in range(rate // 8):
            a[i % 5][i // 5] ^= int.from_bytes(block[8 * i:8 * i + 8], "little")
        a = keccak_f(a)
    return b"".join(a[i % 5][i // 5].to_bytes(8, "little") for i in range(4))

assert keccak256(b"").hex() == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"

# --- secp256k1 public keys ---------------------------------------------------------------
P = 2**256 - 2**32 - 977
N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
G = (0x79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798,
     0x483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8)

def add(p, q):
    if p is None: return q
    if q is None: return p
    if p[0] == q[0] and (p[1] + q[1]) % P == 0: return None
    lam = (3 * p[0] * p[0] * pow(2 * p[1], -1, P)) if p == q else ((q[1] - p[1]) * pow(q[0] - p[0], -1, P))
    x = (lam * lam - p[0] - q[0]) % P
    return (x, (lam * (p[0] - x) - p[1]) % P)

def public_key(scalar):
    point, addend = None, G
    while scalar:
        if scalar & 1: point = add(point, addend)
        addend, scalar = add(addend, addend), scalar >> 1
    return point

def eip55(address):
    lower = address.hex()
    digest = keccak256(lower.encode()).hex()
    return "0x" + "".join(c.upper() if c.isalpha() and int(digest[i], 16) >= 8 else c for i, c in enumerate(lower))

# --- libsodium ---------------------------------------------------------------------------
def argon2id(password, salt):
    out = ctypes.create_string_buffer(32)
    alg = sodium.crypto_pwhash_alg_argon2id13()
    assert sodium.crypto_pwhash(out, ctypes.c_ulonglong(32), password, ctypes.c_ulonglong(len(password)), salt,
                                ctypes.c_ulonglong(OPS), ctypes.c_size_t(MEM), ctypes.c_int(alg)) == 0
    return out.raw

def xchacha_seal(key, nonce, message, ad):
    out = ctypes.create_string_buffer(len(message) + 16)
    length = ctypes.c_ulonglong(0)
    assert sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
        out, ctypes.byref(length), message, ctypes.c_ulonglong(len(message)), ad, ctypes.c_ulonglong(len(ad)),
        None, nonce, key) == 0
    return nonce + out.raw[:length.value]

def jcs(value):
    # RFC 8785 for this data: ASCII strings without escapes and small integers only.
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()

def label(text, size): return hashlib.sha256(text.encode()).digest()[:size]

# --- the keystore ------------------------------------------------------------------------
published = json.loads((ROOT / "ethereum/keyaddrtest.json").read_text())
derived = {k["privateKey"]: k["publicKey"] for k in json.loads((ROOT / "ethereum/derived-public-keys.json").read_text())["keys"]}
salt = label("keystore-v1 salt", 16)
kdf = {"algorithm": "argon2id", "salt": salt.hex(), "opsLimit": OPS, "memLimit": MEM}
key = argon2id(PASSWORD.encode(), salt)
base = {"format": "chancery-keystore", "version": 1}
check = xchacha_seal(key, label("keystore-v1 check nonce", 24), b"", jcs({**base, "role": "password-check", "kdf": kdf}))

entries = []
for item in published:
    scalar = bytes.fromhex(item["key"])
    x, y = public_key(int.from_bytes(scalar, "big"))
    uncompressed = b"\x04" + x.to_bytes(32, "big") + y.to_bytes(32, "big")
    assert uncompressed.hex() == derived[item["key"]]
    assert keccak256(uncompressed[1:])[-20:].hex() == item["addr"]
    entry = {"name": item["seed"], "type": "secp256k1",
             "publicKey": (bytes([2 + (y & 1)]) + x.to_bytes(32, "big")).hex(),
             "address": eip55(bytes.fromhex(item["addr"]))}
    ad = jcs({**base, "role": "key", "salt": salt.hex(), **entry})
    entry["sealed"] = xchacha_seal(key, label("keystore-v1 nonce " + item["seed"], 24), scalar, ad).hex()
    entries.append(entry)

document = {**base, "kdf": kdf, "passwordCheck": check.hex(), "keys": entries}
(ROOT / "custody/keystore-v1.json").write_text(json.dumps(document, indent=2) + "\n")
print("wrote", ROOT / "custody/keystore-v1.json")
