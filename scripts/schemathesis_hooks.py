"""schemathesis hooks for scripts/schemathesis.sh: sign what only a signature lets through.

Four operations are refused with 401 unless a request is signed: `POST /audit/link|trace|log`
(an auditor's ECDSA signature over the query object, specs/audit.md section 5) and
`GET /membership/requests` (a committee member's signed `Chancery-Committee` header,
specs/chain.md section 5.1). JSON Schema cannot describe a signature, so without this file
schemathesis only ever reaches their 401. Just before each call, this hook signs what
schemathesis generated with the throwaway chain's auditor and committee keys:

- it only replaces values by values of the same JSON type (a string by a string, an integer by
  an integer, one enum value by another), so a case keeps the side of the schema it was
  generated on, and schemathesis revalidates a case a hook edited anyway;
- the query's `time` becomes the current time, `auditor` the admitted auditor's id, `kind`
  the one the path asks for, and about half of the `transactionId` / `memberHandle` strings
  name a transaction or member that exists, so answers past the signature check are reached;
- a request without the member or header to sign is sent as generated (the missing-header
  and negative checks keep testing the refusals).

After each call it appends "<operationId> <status>" to CHANCERY_ST_SIGNED_LOG, from which the
script checks that signed requests got past authentication.

The bytes signed are those of the specs, written here independently of the Swift code, so a
run also checks that the specs describe them: JCS (RFC 8785), BIP-340 tagged hashes, ECDSA on
secp256k1 with low S through the system's libsecp256k1.
"""

import base64
import ctypes
import ctypes.util
import hashlib
import json
import os
import time
from decimal import Decimal

import schemathesis

CHAIN_ID = os.environ.get("CHANCERY_ST_CHAIN_ID", "")
DATA_DIR = os.environ.get("CHANCERY_ST_DATA_DIR", "")
SIGNED_LOG = os.environ.get("CHANCERY_ST_SIGNED_LOG", "")
TRANSACTIONS = [t for t in os.environ.get("CHANCERY_ST_TRANSACTIONS", "").split(",") if t]
HANDLES = [h for h in os.environ.get("CHANCERY_ST_HANDLES", "").split(",") if h]
AUDITOR_ID = "auditor"
COMMITTEE_ID = "operator"
AUDIT_PATHS = {"/audit/link": "link", "/audit/trace": "trace", "/audit/log": "log"}
COMMITTEE_READ = ("GET", "/membership/requests")


# --- secp256k1 (libsecp256k1 through ctypes) -------------------------------------------------

_lib = ctypes.CDLL(ctypes.util.find_library("secp256k1") or "libsecp256k1.so.1")
_lib.secp256k1_context_create.restype = ctypes.c_void_p
_lib.secp256k1_context_create.argtypes = [ctypes.c_uint]
_lib.secp256k1_ecdsa_sign.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p,
                                      ctypes.c_void_p, ctypes.c_void_p]
_lib.secp256k1_ecdsa_signature_serialize_compact.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p]
# SECP256K1_CONTEXT_SIGN: (1 << 0) | (1 << 9).
_context = _lib.secp256k1_context_create(0x201)


def _ecdsa_sign(secret: bytes, digest: bytes) -> bytes:
    """64 bytes r || s; libsecp256k1 signs with RFC 6979 nonces and always low S."""
    signature, compact = ctypes.create_string_buffer(64), ctypes.create_string_buffer(64)
    if _lib.secp256k1_ecdsa_sign(_context, signature, digest, secret, None, None) != 1:
        raise RuntimeError("libsecp256k1 refused to sign")
    _lib.secp256k1_ecdsa_signature_serialize_compact(_context, compact, signature)
    return compact.raw


def _key(name: str) -> bytes:
    with open(os.path.join(DATA_DIR, "keys", name + ".key")) as file:
        return bytes.fromhex(file.read().strip())


# --- the encodings of specs/chain.md section 1 ------------------------------------------------

def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _bytes(b: bytes) -> bytes:
    return _varint(len(b)) + b


def _str(s: str) -> bytes:
    return _bytes(s.encode("utf-8"))


def _tagged_hash(tag: str, message: bytes) -> bytes:
    t = hashlib.sha256(tag.encode()).digest()
    return hashlib.sha256(t + t + message).digest()


# --- JCS (RFC 8785) ---------------------------------------------------------------------------

def _es6_number(value) -> str:
    """ECMAScript's Number::toString, which JCS prescribes for every number."""
    if isinstance(value, int):
        return str(value)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError("not a JSON number")
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    parts = Decimal(repr(abs(value))).normalize().as_tuple()
    digits = "".join(map(str, parts.digits))
    k, n = len(digits), parts.exponent + len(digits)
    if k <= n <= 21:
        text = digits + "0" * (n - k)
    elif 0 < n <= 21:
        text = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        text = "0." + "0" * (-n) + digits
    else:
        e = n - 1
        text = digits[0] + ("." + digits[1:] if k > 1 else "") + "e" + ("+" if e > 0 else "-") + str(abs(e))
    return sign + text


def jcs(value) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return _es6_number(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ",".join(jcs(v) for v in value) + "]"
    if isinstance(value, dict):
        # Members sorted by their names' UTF-16 code units.
        keys = sorted(value, key=lambda k: k.encode("utf-16-be"))
        return "{" + ",".join(jcs(k) + ":" + jcs(value[k]) for k in keys) + "}"
    raise ValueError(f"not JSON: {type(value)}")


# --- the hooks --------------------------------------------------------------------------------

def _now_ms() -> int:
    return int(time.time() * 1000)


def _existing(value: str, choices: list) -> str:
    """About half the generated strings are swapped for one that names something that exists."""
    digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).digest()
    if not choices or digest[0] & 1:
        return value
    return choices[digest[1] % len(choices)]


def _sign_audit(case, kind: str) -> None:
    body = case.body
    if not isinstance(body, dict) or not isinstance(body.get("query"), dict) or not isinstance(body.get("signature"), str):
        return
    query = body["query"]
    if isinstance(query.get("time"), int) and not isinstance(query.get("time"), bool):
        query["time"] = _now_ms()
    if isinstance(query.get("auditor"), str):
        query["auditor"] = AUDITOR_ID
    if query.get("kind") in AUDIT_PATHS.values():
        query["kind"] = kind
    if isinstance(query.get("transactionId"), str):
        query["transactionId"] = _existing(query["transactionId"], TRANSACTIONS)
    if isinstance(query.get("memberHandle"), str):
        query["memberHandle"] = _existing(query["memberHandle"], HANDLES)
    try:
        canonical = jcs(query).encode("utf-8")
    except (ValueError, UnicodeEncodeError):
        return  # not representable as JCS: sent as generated, the node refuses it
    digest = _tagged_hash("chancery/audit-query/v1", _str(CHAIN_ID) + _bytes(canonical))
    body["signature"] = base64.urlsafe_b64encode(_ecdsa_sign(_key("auditor-signing"), digest)).rstrip(b"=").decode()


def _sign_committee_read(case) -> None:
    headers = case.headers
    if not headers:
        return
    name = next((n for n in headers if n.lower() == "chancery-committee"), None)
    if name is None or not isinstance(headers[name], str):
        return
    now = _now_ms()
    digest = _tagged_hash("chancery/committee-read/v1", _str(CHAIN_ID) + _str("GET /membership/requests") + now.to_bytes(8, "big"))
    signature = base64.urlsafe_b64encode(_ecdsa_sign(_key("committee-operator"), digest)).rstrip(b"=").decode()
    headers[name] = f"{COMMITTEE_ID} {now} {signature}"


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    method, path = case.operation.method.upper(), case.operation.path
    if method == "POST" and path in AUDIT_PATHS:
        _sign_audit(case, AUDIT_PATHS[path])
    elif (method, path) == COMMITTEE_READ:
        _sign_committee_read(case)


@schemathesis.hook
def after_call(ctx, case, response):
    method, path = case.operation.method.upper(), case.operation.path
    if SIGNED_LOG and ((method == "POST" and path in AUDIT_PATHS) or (method, path) == COMMITTEE_READ):
        with open(SIGNED_LOG, "a") as log:
            log.write(f"{method} {path} {response.status_code}\n")


def _self_test(vectors: str) -> None:
    """Checks jcs() against RFC 8785's published files (specs/vectors/jcs-rfc8785)."""
    import struct
    names = sorted(os.listdir(os.path.join(vectors, "input")))
    for name in names:
        with open(os.path.join(vectors, "input", name), encoding="utf-8") as file:
            value = json.load(file)
        with open(os.path.join(vectors, "output", name), "rb") as file:
            expected = file.read()
        if jcs(value).encode("utf-8") != expected:
            raise SystemExit(f"JCS differs from RFC 8785's {name}")
    count = 0
    with open(os.path.join(vectors, "es6-numbers-first10000.txt")) as file:
        for line in file:
            bits, expected = line.strip().split(",")
            value = struct.unpack(">d", bytes.fromhex(bits.rjust(16, "0")))[0]
            if value != value or value in (float("inf"), float("-inf")):
                continue
            if _es6_number(value) != expected:
                raise SystemExit(f"the number {bits} serialises as {_es6_number(value)}, not {expected}")
            count += 1
    print(f"schemathesis hooks: JCS matches RFC 8785's {len(names)} files and {count} numbers")


if __name__ == "__main__":
    import sys
    _self_test(sys.argv[1])
