#!/usr/bin/env bash
# HTTP benchmarks of a running node with wrk (installed here if missing): POST /credentials/verify
# with ES256K JWT credentials from a chain-resolved, accredited issuer (every check, status
# included), GET /1.0/identifiers/{did}, and the same verification load against a second node
# whose tasks run on Swift's own thread pool; then the in-process `didctl bench verify`.
#
# The machine is shared and noisy, so the three loads are interleaved over BENCH_ROUNDS rounds
# and the medians are reported, with the ratio to the in-process figure and, per load, the CPU
# time the hypervisor gave to other guests while it ran (steal, from /proc/stat).
# Usage: scripts/bench-http.sh [DIDCTL] (default: the release build).
# Environment: BENCH_ROUNDS (5), BENCH_DURATION per load and round (10s), BENCH_CONNECTIONS (32),
# BENCH_THREADS (1), BENCH_PORT (18181; the second node takes the next port).
set -euo pipefail
didctl="${1:-$(swift build -c release --show-bin-path)/didctl}"
rounds="${BENCH_ROUNDS:-5}"
duration="${BENCH_DURATION:-10s}"
connections="${BENCH_CONNECTIONS:-32}"
port="${BENCH_PORT:-18181}"
pool_port=$((port + 1))
threads="${BENCH_THREADS:-1}"
if ! command -v wrk >/dev/null; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get install -y -qq wrk
fi
work="$(mktemp -d)"; pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$work"; }
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

start_node() {  # start_node DATA-DIR PORT [VAR=value ...]: a node, with the environment given
    local data="$1" listen="127.0.0.1:$2"; shift 2
    env "$@" "$didctl" node start --listen "$listen" --data-dir "$data" >"$data.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 100); do curl -fsS "http://$listen/healthz" >/dev/null 2>&1 && return; sleep 0.1; done
    echo "the node on $listen did not start:" >&2; cat "$data.log" >&2; exit 1
}
cpu_ticks() {  # "total steal" jiffies of all CPUs since boot (/proc/stat)
    awk '$1 == "cpu" { total = 0; for (i = 2; i <= NF; i++) total += $i; print total, $9 }' /proc/stat
}
load() {  # load NAME URL [wrk options]: one measurement, appended to NAME.txt as "requests/s p99-ms non-2xx steal-%"
    local name="$1" url="$2"; shift 2
    local before after
    before="$(cpu_ticks)"
    wrk -t"$threads" -c"$connections" -d"$duration" --latency "$@" "$url" >"$work/last.txt"
    after="$(cpu_ticks)"
    # Steal: the share of the run's CPU time the hypervisor gave to other guests, a measure of
    # how much the shared host took from this run.
    local steal
    steal="$(echo "$before $after" | awk '{ t = $3 - $1; printf "%.0f", (t > 0 ? 100 * ($4 - $2) / t : 0) }')"
    awk -v non2xx="$(sed -n 's/RESULT non2xx=//p' "$work/last.txt")" -v steal="$steal" '
        /Requests\/sec/ { rate = $2 }
        $1 == "99%" { p99 = $2; if (p99 ~ /us$/) p99 = p99 / 1000; else if (p99 ~ /ms$/) p99 = p99 + 0; else if (p99 ~ /s$/) p99 = p99 * 1000 }
        END { printf "%s %s %s %s\n", rate, p99, (non2xx == "" ? 0 : non2xx), steal }' "$work/last.txt" >>"$work/$name.txt"
    tail -1 "$work/$name.txt"
}
median() {  # median FILE COLUMN
    sort -g -k"$2","$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { print v[int((NR + 1) / 2)] }'
}

# The second node runs on a copy of the chain: one writer per data directory.
cp -R "$d" "$work/data-pool"
start_node "$d" "$port"
start_node "$work/data-pool" "$pool_port" CHANCERY_CONCURRENCY_POOL=1
curl -fsS -o /dev/null -w "   sample verify: HTTP %{http_code}\n" -H 'Content-Type: application/json' -d "$(head -1 "$work/bodies.txt")" \
    "http://127.0.0.1:$port/credentials/verify"
verify_url="http://127.0.0.1:$port" pool_url="http://127.0.0.1:$pool_port" resolve_url="http://127.0.0.1:$port/1.0/identifiers/$did"
echo "== warm-up (5 s each)"
BODIES="$work/bodies.txt" wrk -t"$threads" -c"$connections" -d5s -s "$work/verify.lua" "$verify_url" >/dev/null
BODIES="$work/bodies.txt" wrk -t"$threads" -c"$connections" -d5s -s "$work/verify.lua" "$pool_url" >/dev/null
wrk -t"$threads" -c"$connections" -d5s "$resolve_url" >/dev/null
echo "== $rounds rounds of $duration per load, $connections connections, $threads wrk thread(s) (requests/s, p99 ms, non-2xx, steal %)"
for round in $(seq 1 "$rounds"); do
    echo "round $round"
    printf '   verify          '; BODIES="$work/bodies.txt" load verify "$verify_url" -s "$work/verify.lua"
    printf '   resolve         '; load resolve "$resolve_url"
    printf '   verify (pool)   '; BODIES="$work/bodies.txt" load pool "$pool_url" -s "$work/verify.lua"
done
for pid in "${pids[@]}"; do kill "$pid"; wait "$pid" 2>/dev/null || true; done
pids=()

echo "== didctl bench verify (in process, same machine, for comparison)"
"$didctl" bench verify --credentials 2000 --verifications 60000 --rounds 3 | tee "$work/inprocess.txt"
inprocess="$(awk '/^verifications/ {print $2}' "$work/inprocess.txt")"
bound="$(awk '/^ES256K signature bound/ {print $4}' "$work/inprocess.txt")"
echo
echo "== summary (medians of $rounds rounds)"
for name in verify resolve pool; do
    non2xx="$(awk '{ s += $3 } END { print s + 0 }' "$work/$name.txt")"
    label=$(case "$name" in verify) echo "HTTP verify:             ";; resolve) echo "HTTP resolve:            ";; pool) echo "HTTP verify, Swift pool: ";; esac)
    printf '%s%s requests/s, p99 %s ms (non-2xx in all rounds: %s; CPU stolen by the host: median %s%%)\n' "$label" \
        "$(median "$work/$name.txt" 1)" "$(median "$work/$name.txt" 2)" "$non2xx" "$(median "$work/$name.txt" 4)"
done
printf 'in process:              %s verifications/s (ES256K signature bound %s/s)\n' "$inprocess" "$bound"
awk -v http="$(median "$work/verify.txt" 1)" -v local="$inprocess" -v bound="$bound" \
    'BEGIN { printf "HTTP verify / in process: %.2f; HTTP verify / signature bound: %.2f\n", http / local, http / bound }'
