#!/usr/bin/env bash
# schemathesis (PyPI) against a fresh node's own API description (README, "Reliability").
#
#   scripts/schemathesis.sh DIDCTL MAX_EXAMPLES MAX_SECONDS
#
# Creates a chain in a temporary directory, starts `DIDCTL node start` on a free port, and runs
# every schemathesis check (no 5xx; status codes, content types, headers and bodies as
# described; negative data refused, positive data accepted; 405 with Allow for undescribed
# methods; ...) against the node's own GET /openapi.yaml, at most MAX_EXAMPLES cases per
# operation and MAX_SECONDS in all. The node is stopped by its pid however the run ends, and its
# log and schemathesis's report are kept in .build/schemathesis. Exit status: schemathesis's.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
didctl=$1
examples=${2:-20}
seconds=${3:-60}
st=${SCHEMATHESIS:-$root/.build-tools/schemathesis/bin/schemathesis}
[ -x "$st" ] || { echo "schemathesis is not installed in $st: run make deps" >&2; exit 2; }
out=$root/.build/schemathesis
work=$(mktemp -d)
node_pid=
cleanup() {
    if [ -n "$node_pid" ] && kill -0 "$node_pid" 2>/dev/null; then
        kill -TERM "$node_pid" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$node_pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$node_pid" 2>/dev/null || true
        wait "$node_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
rm -rf "$out" && mkdir -p "$out"

# Credentials, so the operations behind them are reached too: an accredited issuer
# ("university", partial custody: a DID, a CPT, the committee's approval) with an issuer token,
# and a full-custody account ("bob") logged in once the node runs. Throwaway passwords of a
# throwaway chain; schemathesis masks Authorization headers in what it prints and reports.
data=$work/data
export CHANCERY_PASSWORD_UNIVERSITY=st-university CHANCERY_PASSWORD_BOB=st-bob-password
{
    "$didctl" init --data-dir "$data" --chain-id schemathesis
    "$didctl" account create university --custody partial --data-dir "$data"
    "$didctl" account create bob --custody full --data-dir "$data"
    created=$("$didctl" did create --account university --data-dir "$data" --json)
    issuer=$(printf '%s' "$created" | sed -n 's/.*"did" *: *"\([^"]*\)".*/\1/p' | head -1)
    printf '%s' "$created" | sed -n 's/.*"transactionId" *: *"\([^"]*\)".*/\1/p' | head -1 > "$work/transactions"
    "$didctl" account list --data-dir "$data" --json | grep -o '"memberHandle" *: *"[0-9a-f]*"' | sed 's/.*"\([0-9a-f]*\)"$/\1/' > "$work/handles"
    printf '%s' '{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{"degree":{"type":"string"}},"required":["degree"]}' > "$work/schema.json"
    cpt=$("$didctl" cpt register --account university --schema "$work/schema.json" --data-dir "$data" --json | sed -n 's/.*"id" *: *"\([^"]*\)".*/\1/p' | head -1)
    "$didctl" issuer apply --account university --name University --cpt "$cpt" --data-dir "$data"
    "$didctl" issuer approve "$issuer" --cpt "$cpt" --data-dir "$data"
} > "$out/init.log" 2>&1 || { echo "setting up the chain failed:" >&2; cat "$out/init.log" >&2; exit 1; }
CHANCERY_ST_ISSUER_TOKEN=$("$didctl" node token create --account university --data-dir "$data" --json | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p')
export CHANCERY_ST_ISSUER_TOKEN
"$didctl" node start --listen 127.0.0.1:0 --json --data-dir "$data" > "$work/node.out" 2> "$out/node.log" &
node_pid=$!
url=
for _ in $(seq 1 600); do
    url=$(sed -n 's/.*"url" *: *"\([^"]*\)".*/\1/p' "$work/node.out" | head -1)
    [ -n "$url" ] && break
    kill -0 "$node_pid" 2>/dev/null || { echo "the node stopped before serving:" >&2; cat "$out/node.log" >&2; exit 1; }
    sleep 0.1
done
[ -n "$url" ] || { echo "the node did not print its URL within 60 s" >&2; exit 1; }
url=${url%/}
login() {
    curl -sf -X POST -H 'Content-Type: application/json' --data "{\"username\":\"bob\",\"password\":\"$CHANCERY_PASSWORD_BOB\"}" \
        "$url/sessions" | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p'
}
CHANCERY_ST_SESSION=$(login)
CHANCERY_ST_LOGOUT_SESSION=$(login)
[ -n "$CHANCERY_ST_SESSION" ] && [ -n "$CHANCERY_ST_LOGOUT_SESSION" ] && [ -n "$CHANCERY_ST_ISSUER_TOKEN" ] \
    || { echo "no issuer token or sessions for schemathesis" >&2; exit 1; }
export CHANCERY_ST_SESSION CHANCERY_ST_LOGOUT_SESSION
# Signed requests (scripts/schemathesis_hooks.py): the auditor's queries and the committee's
# read of pending membership requests, signed with the throwaway chain's keys just before each
# call, after the hooks' JCS is checked against RFC 8785's published vectors.
"$(dirname "$st")/python" "$root/scripts/schemathesis_hooks.py" "$root/specs/vectors/jcs-rfc8785" \
    || { echo "the schemathesis hooks' JCS does not match RFC 8785" >&2; exit 1; }
CHANCERY_ST_CHAIN_ID=schemathesis CHANCERY_ST_DATA_DIR=$data CHANCERY_ST_SIGNED_LOG=$out/signed.log
CHANCERY_ST_TRANSACTIONS=$(paste -sd, "$work/transactions") CHANCERY_ST_HANDLES=$(paste -sd, "$work/handles")
SCHEMATHESIS_HOOKS=$root/scripts/schemathesis_hooks.py
export CHANCERY_ST_CHAIN_ID CHANCERY_ST_DATA_DIR CHANCERY_ST_SIGNED_LOG CHANCERY_ST_TRANSACTIONS CHANCERY_ST_HANDLES SCHEMATHESIS_HOOKS
[ -n "$CHANCERY_ST_TRANSACTIONS" ] && [ -n "$CHANCERY_ST_HANDLES" ] \
    || { echo "no transaction id or member handle for the signed audit queries" >&2; exit 1; }
echo "schemathesis against $url/openapi.yaml: at most $examples examples per operation, $seconds s"
status=0
# From the scratch directory, where schemathesis leaves its cache.
cd "$work"
timeout --kill-after=10 $((seconds + 120)) "$st" --config-file "$root/scripts/schemathesis.toml" run "$url/openapi.yaml" --url "$url" --checks all \
    --max-examples "$examples" --max-time "$seconds" --workers 1 --request-timeout 30 --seed 1 \
    --suppress-health-check all --report junit,ndjson --report-dir "$out" --output-truncate false \
    > "$out/schemathesis.log" 2>&1 || status=$?
cat "$out/schemathesis.log"
# The signed operations must have been reached past their signature check, or the hooks signed
# wrongly and schemathesis only saw 401s: each needs an answer that only an authenticated
# request gets (a 2xx, or 403: an auditor asking beyond its scope).
for operation in "POST /audit/link" "POST /audit/trace" "POST /audit/log" "GET /membership/requests"; do
    answers=$(grep -c "^$operation " "$out/signed.log" 2>/dev/null || true)
    authenticated=$(grep -c -E "^$operation (2[0-9][0-9]|403)$" "$out/signed.log" 2>/dev/null || true)
    echo "signed requests, $operation: ${answers:-0} sent, ${authenticated:-0} past the signature check"
    if [ "${authenticated:-0}" -eq 0 ]; then
        echo "no signed request to $operation got past its signature check (statuses in $out/signed.log)" >&2
        status=1
    fi
done
exit $status
