#!/usr/bin/env bash
# The main job run by `make run`: a chain in a local data directory (created if there is none),
# an issuer and a holder, a diploma schema, the issuer accredited by the committee, a diploma
# issued and verified through didctl and through the node's HTTP endpoint, revoked and refused,
# an audit query; then the node is left running and the verifier page's URL is printed.
# The node runs from the start: every write goes through it (`--node`), keys stay in the
# accounts' keystores here, and nothing is stopped and restarted.
# DEMO_CRYPTO=sm (`make run-sm`) runs the same steps on a chain of the sm crypto suite: SM2
# one-time keys, certificates, node keys and block signatures, SM3 ids, Merkle trees and tagged
# hashes (specs/chain.md §9).
set -euo pipefail
didctl="$1"
data_dir="$2"
listen="${DEMO_LISTEN:-127.0.0.1:8080}"
crypto="${DEMO_CRYPTO:-standard}"
url="http://$listen"
export CHANCERY_PASSWORD="demo password"
step() { printf '\n== %s\n' "$*"; }
pidfile="$data_dir/node.pid"

stop_node() {
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
        kill "$(cat "$pidfile")"; while kill -0 "$(cat "$pidfile")" 2>/dev/null; do sleep 0.1; done
    fi
    rm -f "$pidfile"
}
start_node() {
    nohup "$didctl" node start --listen "$listen" --data-dir "$data_dir" >"$data_dir/node.log" 2>&1 &
    echo $! >"$pidfile"
    for _ in $(seq 1 100); do curl -fsS "$url/healthz" >/dev/null 2>&1 && return 0; sleep 0.1; done
    echo "the node did not start; see $data_dir/node.log" >&2; exit 1
}
stop_node   # a node left running by an earlier `make run` holds the ledger

if [ ! -f "$data_dir/genesis.json" ]; then
    step "didctl init --crypto $crypto --data-dir $data_dir"
    "$didctl" init --crypto "$crypto" --data-dir "$data_dir"
else
    existing=standard
    grep -q '"cryptoSuite" : "sm"' "$data_dir/genesis.json" && existing=sm
    if [ "$existing" != "$crypto" ]; then
        echo "$data_dir holds a chain of the $existing crypto suite, not $crypto; use another data directory (make run-sm uses DATA_DIR-sm)." >&2
        exit 2
    fi
    step "using the $crypto chain already in $data_dir"
fi
step "didctl node start --listen $listen (in the background; log in $data_dir/node.log); every step below goes through it"
start_node
for name in university alice; do
    if ! "$didctl" account list --data-dir "$data_dir" | grep -q "^$name	"; then
        step "didctl account create $name --custody partial --node $url (key in an Argon2id/XChaCha20 keystore here, admitted by the committee through the node)"
        "$didctl" account create "$name" --custody partial --node "$url" --data-dir "$data_dir"
    fi
    if [ ! -f "$data_dir/demo-$name.did" ]; then
        step "didctl did create --account $name --node $url (signed here, submitted through the node)"
        "$didctl" did create --account "$name" --node "$url" --data-dir "$data_dir" | tee "$data_dir/demo-$name.did"
    fi
done
issuer="$(cat "$data_dir/demo-university.did")"; holder="$(cat "$data_dir/demo-alice.did")"
if [ ! -f "$data_dir/demo-cpt.txt" ]; then
    cat >"$data_dir/diploma-schema.json" <<'JSON'
{"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Diploma", "type": "object",
 "properties": {"name": {"type": "string", "minLength": 1}, "degree": {"type": "string", "enum": ["BSc", "MSc", "PhD"]},
                "field": {"type": "string"}, "year": {"type": "integer", "minimum": 1900, "maximum": 2100}},
 "required": ["name", "degree", "year"], "additionalProperties": false}
JSON
    step "didctl cpt register --account university --schema diploma-schema.json --node $url"
    "$didctl" cpt register --account university --schema "$data_dir/diploma-schema.json" --node "$url" --data-dir "$data_dir" \
        | tee "$data_dir/demo-cpt.txt"
    cpt="$(cat "$data_dir/demo-cpt.txt")"
    step "didctl issuer apply --account university --cpt $cpt --node $url, then the committee approves (1 of 1 here)"
    "$didctl" issuer apply --account university --name "Demo University" --cpt "$cpt" --node "$url" --data-dir "$data_dir"
    "$didctl" issuer approve "$issuer" --cpt "$cpt" --node "$url" --data-dir "$data_dir"
fi
cpt="$(cat "$data_dir/demo-cpt.txt")"
printf '{"id": "%s", "name": "Alice Example", "degree": "MSc", "field": "Cryptography", "year": 2026}\n' "$holder" >"$data_dir/diploma-subject.json"
step "didctl credential issue --account university --cpt $cpt --node $url (anchored on the chain, signed here)"
mkdir -p "$data_dir/diploma"
"$didctl" credential issue --account university --cpt "$cpt" --subject "$data_dir/diploma-subject.json" --out "$data_dir/diploma" \
    --node "$url" --data-dir "$data_dir" --json | tee "$data_dir/diploma/issued.json"
credential_id="$(sed -n 's/.*"id" : "\(urn:uuid:[^"]*\)".*/\1/p' "$data_dir/diploma/issued.json")"
step "didctl credential verify diploma --node $url (every check, accredited policy)"
"$didctl" credential verify "$data_dir/diploma/credential.jwt" --policy accredited --node "$url"
token="$("$didctl" node token create --account university --data-dir "$data_dir" --json | sed -n 's/.*"token" : "\([^"]*\)".*/\1/p')"
jwt="$(tr -d '\n' <"$data_dir/diploma/credential.jwt")"
step "POST $url/credentials/verify"
curl -sS -o "$data_dir/diploma/http-verify.json" -w 'HTTP %{http_code}\n' -H 'Content-Type: application/json' \
    -d "{\"verifiableCredential\": \"$jwt\", \"options\": {\"policy\": \"accredited\"}}" "$url/credentials/verify"
grep -o '"verified":[a-z]*' "$data_dir/diploma/http-verify.json"
step "POST $url/credentials/status (the university revokes the diploma with its issuer token)"
curl -sS -w '\nHTTP %{http_code}\n' -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
    -d "{\"credentialId\": \"$credential_id\", \"purpose\": \"revocation\", \"value\": true}" "$url/credentials/status"
step "POST $url/credentials/verify again: refused, status revoked"
curl -sS -o "$data_dir/diploma/http-verify-revoked.json" -w 'HTTP %{http_code}\n' -H 'Content-Type: application/json' \
    -d "{\"verifiableCredential\": \"$jwt\"}" "$url/credentials/verify"
grep -o '"verified":[a-z]*' "$data_dir/diploma/http-verify-revoked.json"
step "didctl credential verify --node $url diploma"
"$didctl" credential verify --node "$url" "$data_dir/diploma/credential.jwt" || echo "(exit $?: not verified, as expected)"

step "didctl audit trace university --node $url (the auditor links the university's transactions; the query is recorded on the chain)"
"$didctl" audit trace university --node "$url" --data-dir "$data_dir"
step "didctl chain verify (reads the ledger beside the running node)"
"$didctl" chain verify --data-dir "$data_dir"

printf '\nThe node is running (pid %s). The verifier page: %s/\n' "$(cat "$pidfile")" "$url"
printf 'Paste %s into it; stop the node with: kill %s\n' "$data_dir/diploma/credential.jwt" "$(cat "$pidfile")"
