#!/usr/bin/env bash
# HTTP benchmarks of a running node with wrk (installed here if missing): POST /credentials/verify
# with ES256K JWT credentials from a chain-resolved, accredited issuer (every check, status
# included), and GET /1.0/identifiers/{did}; then the in-process `didctl bench verify` for
# comparison. Usage: scripts/bench-http.sh [DIDCTL] (default: the release build).
set -euo pipefail
didctl="${1:-$(swift build -c release --show-bin-path)/didctl}"
duration="${BENCH_DURATION:-20s}"
connections="${BENCH_CONNECTIONS:-32}"
port="${BENCH_PORT:-18181}"
threads="${BENCH_THREADS:-1}"
if ! command -v wrk >/dev/null; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get install -y -qq wrk
fi
work="$(mktemp -d)"; node_pid=""
cleanup() { [ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export CHANCERY_PASSWORD="bench password"
d="$work/data"
echo "== preparing a chain: issuer account, DID, diploma CPT, accreditation, 1,000 credentials"
"$didctl" init --data-dir "$d" >/dev/null
"$didctl" account create university --custody partial --data-dir "$d" >/dev/null
did="$("$didctl" did create --account university --data-dir "$d")"
cat >"$work/schema.json" <<'JSON'
{"type": "object", "properties": {"name": {"type": "string", "minLength": 1}, "degree": {"type": "string", "enum": ["BSc", "MSc", "PhD"]},
 "year": {"type": "integer", "minimum": 1900}}, "required": ["name", "degree", "year"], "additionalProperties": false}
JSON
cpt="$("$didctl" cpt register --account university --schema "$work/schema.json" --data-dir "$d")"
"$didctl" issuer apply --account university --name "Bench University" --cpt "$cpt" --data-dir "$d" >/dev/null
"$didctl" issuer approve "$did" --cpt "$cpt" --data-dir "$d" >/dev/null
{ echo "id,name,degree,year"; for i in $(seq 1 1000); do echo "did:example:s$i,Student $i,MSc,$((2000 + i % 25))"; done; } >"$work/subjects.csv"
"$didctl" credential issue --account university --cpt "$cpt" --csv "$work/subjects.csv" --out "$work/out" --data-dir "$d" >/dev/null
sed -n 's/.*"credential":"\([^"]*\)".*/{"verifiableCredential":"\1","options":{"policy":"accredited"}}/p' "$work/out/credentials.jsonl" >"$work/bodies.txt"
echo "   $(wc -l <"$work/bodies.txt") credentials from $did"

cat >"$work/verify.lua" <<'LUA'
-- Every request is formatted once, up front: wrk shares the node's two cores, so the load
-- generator should spend as little of them as it can.
local requests = {}
for line in io.lines(os.getenv("BODIES")) do
  requests[#requests + 1] = wrk.format("POST", "/credentials/verify", { ["Content-Type"] = "application/json" }, line)
end
local n = 0
request = function()
  n = n + 1
  return requests[(n % #requests) + 1]
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT non2xx=%d\n", summary.errors.status))
end
LUA

start_node() {  # start_node [VAR=value ...]: the node, with the environment given
    env "$@" "$didctl" node start --listen "127.0.0.1:$port" --data-dir "$d" >"$work/node.log" 2>&1 &
    node_pid=$!
    for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return; sleep 0.1; done
    echo "the node did not start:" >&2; cat "$work/node.log" >&2; exit 1
}
stop_node() { kill "$node_pid"; wait "$node_pid" 2>/dev/null || true; node_pid=""; }
verify_run() {  # verify_run OUTPUT: wrk on POST /credentials/verify after a 5 s warm-up
    BODIES="$work/bodies.txt" wrk -t"$threads" -c"$connections" -d5s -s "$work/verify.lua" "http://127.0.0.1:$port" >/dev/null
    BODIES="$work/bodies.txt" wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$work/verify.lua" "http://127.0.0.1:$port" | tee "$1"
}

start_node
curl -fsS -o /dev/null -w "   sample verify: HTTP %{http_code}\n" -H 'Content-Type: application/json' -d "$(head -1 "$work/bodies.txt")" \
    "http://127.0.0.1:$port/credentials/verify"
echo "== wrk POST /credentials/verify ($connections connections, $duration, after a 5 s warm-up)"
verify_run "$work/verify.txt"
echo "== wrk GET /1.0/identifiers/$did ($connections connections, $duration)"
wrk -t"$threads" -c"$connections" -d5s "http://127.0.0.1:$port/1.0/identifiers/$did" >/dev/null
wrk -t"$threads" -c"$connections" -d"$duration" --latency "http://127.0.0.1:$port/1.0/identifiers/$did" | tee "$work/resolve.txt"
stop_node

# For comparison: the same node with its tasks on Swift's own thread pool rather than on the
# event loops (each request then crosses threads twice).
start_node CHANCERY_CONCURRENCY_POOL=1
echo "== wrk POST /credentials/verify, tasks on Swift's thread pool (CHANCERY_CONCURRENCY_POOL=1)"
verify_run "$work/verify-pool.txt"
stop_node

echo "== didctl bench verify (in process, same machine, for comparison)"
"$didctl" bench verify --credentials 2000 --verifications 60000 --rounds 3 | tee "$work/inprocess.txt"
echo
echo "== summary"
printf 'HTTP verify:   %s requests/s, p99 %s (non-2xx: %s)\n' "$(awk '/Requests\/sec/ {print $2}' "$work/verify.txt")" \
    "$(awk '$1 == "99%" {print $2}' "$work/verify.txt")" "$(sed -n 's/RESULT non2xx=//p' "$work/verify.txt")"
printf 'HTTP verify, Swift pool: %s requests/s, p99 %s\n' "$(awk '/Requests\/sec/ {print $2}' "$work/verify-pool.txt")" \
    "$(awk '$1 == "99%" {print $2}' "$work/verify-pool.txt")"
printf 'HTTP resolve:  %s requests/s, p99 %s\n' "$(awk '/Requests\/sec/ {print $2}' "$work/resolve.txt")" "$(awk '$1 == "99%" {print $2}' "$work/resolve.txt")"
printf 'in process:    %s verifications/s\n' "$(awk '/^verifications/ {print $2}' "$work/inprocess.txt")"
