#!/usr/bin/env python3
"""Cross-checks the transcribed vectors of this folder with code that shares nothing with
Chancery's Swift: Python's hashlib SM3 and SM2 verification written out in big-integer
arithmetic from GM/T 0003.2 (Z-value, e = SM3(Z || M), t = r + s, R = e + x1 mod n).
Run: python3 check.py  (prints one line per check, exits 1 on a mismatch)."""
import hashlib, json, os, sys

p = 0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFF
a = 0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC
b = 0x28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93
n = 0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123
G = (0x32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7,
     0xBC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0)

def add(P, Q):
    if P is None: return Q
    if Q is None: return P
    if P[0] == Q[0] and (P[1] + Q[1]) % p == 0: return None
    if P == Q: l = (3 * P[0] * P[0] + a) * pow(2 * P[1], -1, p) % p
    else: l = (Q[1] - P[1]) * pow(Q[0] - P[0], -1, p) % p
    x = (l * l - P[0] - Q[0]) % p
    return (x, (l * (P[0] - x) - P[1]) % p)

def mul(k, P):
    R = None
    while k:
        if k & 1: R = add(R, P)
        P = add(P, P); k >>= 1
    return R

sm3 = lambda m: hashlib.new('sm3', m).digest()
be = lambda x: x.to_bytes(32, 'big')

def z_value(ident, P):
    return sm3((len(ident) * 8).to_bytes(2, 'big') + ident + be(a) + be(b) + be(G[0]) + be(G[1]) + be(P[0]) + be(P[1]))

here = os.path.dirname(os.path.abspath(__file__))
ok = True
def check(name, cond):
    global ok
    ok &= cond
    print(('ok   ' if cond else 'FAIL ') + name)

for v in json.load(open(os.path.join(here, 'sm3.json')))['vectors']:
    check('SM3 ' + v['origin'], sm3(bytes.fromhex(v['input'])).hex() == v['output'].lower())

s = json.load(open(os.path.join(here, 'sm2-sign-gmt0003.5-annex-a.json')))
d, ident, msg = int(s['privateKey'], 16), s['distinguishingIdentifier'].encode(), s['message'].encode()
P = mul(d, G)
check('public key = d*G', bytes.fromhex(s['publicKey']) == b'\x04' + be(P[0]) + be(P[1]))
z = z_value(ident, P)
check('Z-value', z.hex() == s['z'].lower())
e = int.from_bytes(sm3(z + msg), 'big')
check('e = SM3(Z || M)', e == int(s['e'], 16))
k = int(s['k'], 16)
r = (e + mul(k, G)[0]) % n
check('r from k', r == int(s['r'], 16))
check('s from k', pow(1 + d, -1, n) * (k - r * d) % n == int(s['s'], 16))
sig_r, sig_s = int(s['r'], 16), int(s['s'], 16)
x1 = add(mul(sig_s, G), mul((sig_r + sig_s) % n, P))[0]
check('signature verifies', (e + x1) % n == sig_r)
sys.exit(0 if ok else 1)
