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

"$didctl" init --data-dir "$work/data" --chain-id schemathesis > "$out/init.log" 2>&1
"$didctl" node start --listen 127.0.0.1:0 --json --data-dir "$work/data" > "$work/node.out" 2> "$out/node.log" &
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
echo "schemathesis against $url/openapi.yaml: at most $examples examples per operation, $seconds s"
status=0
# From the scratch directory, where schemathesis leaves its cache.
cd "$work"
timeout --kill-after=10 $((seconds + 120)) "$st" --config-file "$root/scripts/schemathesis.toml" run "$url/openapi.yaml" --url "$url" --checks all \
    --max-examples "$examples" --max-time "$seconds" --workers 1 --request-timeout 30 --seed 1 \
    --suppress-health-check all --report junit,ndjson --report-dir "$out" --output-truncate false \
    > "$out/schemathesis.log" 2>&1 || status=$?
cat "$out/schemathesis.log"
exit $status
