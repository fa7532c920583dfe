#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer (README, "Reliability"; Fuzz/README.md).
#
#   scripts/fuzz.sh [SECONDS] [HARNESS...]     (make fuzz; FUZZ_SECONDS, FUZZ_HARNESSES)
#
# Builds each harness's executable with `-sanitize=fuzzer` in its own scratch path
# (.build-fuzz, release), then runs each for SECONDS (600 by default) on a working corpus in
# .build-fuzz/corpus/<harness> that starts from the kept one (Tests/FuzzCorpus/<harness>).
# Every input that crashes, hangs (10 s) or exceeds the memory limit is copied into
# Tests/FuzzCorpus/<harness>/ as crash-<sha1>, where `make test` replays it; the script exits 1
# when any harness found one. A summary line per harness (time run, executions, coverage) goes
# to standard output and to .build-fuzz/summary.txt. Harnesses run FUZZ_JOBS at a time (by
# default one per core: each libFuzzer process is single-threaded), so `make soak`'s eight
# ten-minute runs take 40 minutes on two cores rather than 80.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(Transaction JSON Credential Presentation DID Schema Keystore VaultShare)
scratch=.build-fuzz
config=${FUZZ_CONFIGURATION:-release}
flags=(-c "$config" --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING)

corpus_name() {
    case "$1" in
        VaultShare) echo vault-share ;;
        *) echo "$1" | tr '[:upper:]' '[:lower:]' ;;
    esac
}

mkdir -p "$scratch/corpus" "$scratch/artifacts"
for harness in "${harnesses[@]}"; do
    echo "building Fuzz$harness (-sanitize=fuzzer, $config, $scratch)"
    if ! swift build "${flags[@]}" --product "Fuzz$harness" > "$scratch/build.log" 2>&1; then
        cat "$scratch/build.log" >&2
        exit 1
    fi
done
bin=$(swift build "${flags[@]}" --show-bin-path)
jobs_max=${FUZZ_JOBS:-$(nproc)}
[ "$jobs_max" -ge 1 ] 2>/dev/null || { echo "FUZZ_JOBS must be a positive number, not '$jobs_max'" >&2; exit 2; }

# Runs one harness; its summary line goes to $scratch/<name>.summary, its count of crashing
# inputs to $scratch/<name>.found.
fuzz_one() {
    local harness=$1 name kept work artifacts log start elapsed found artifact kept_name runs coverage line
    name=$(corpus_name "$harness")
    kept=Tests/FuzzCorpus/$name
    work=$scratch/corpus/$name
    artifacts=$scratch/artifacts/$name
    mkdir -p "$work" "$artifacts"
    cp "$kept"/* "$work"/
    log=$scratch/$name.log
    echo "fuzzing $harness for ${seconds}s (log: $log)"
    start=$(date +%s)
    SWIFT_BACKTRACE=enable=no "$bin/Fuzz$harness" "$work" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" > "$log" 2>&1 || true
    elapsed=$(( $(date +%s) - start ))
    found=0
    for artifact in "$artifacts"/*; do
        [ -f "$artifact" ] || continue
        kept_name=crash-$(sha1sum "$artifact" | cut -c1-16)
        cp "$artifact" "$kept/$kept_name"
        echo "  $harness: $(basename "$artifact") kept as $kept/$kept_name"
        rm "$artifact"
        found=$((found + 1))
    done
    # A harness that crashed at once printed no statistics: "?" rather than a failed pipeline.
    runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | awk '{print $2}' | tail -1 || true)
    coverage=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | awk '{print $2}' || true)
    line="$harness: ${elapsed}s, ${runs:-?} executions, coverage ${coverage:-?} edges, corpus $(ls "$work" | wc -l) inputs, $found crashing inputs"
    echo "$line"
    echo "$line" > "$scratch/$name.summary"
    echo "$found" > "$scratch/$name.found"
}

# Every harness's process is stopped with the script, however it ends.
stop_harnesses() {
    local job
    for job in $(jobs -p); do pkill -TERM -P "$job" 2>/dev/null || true; kill "$job" 2>/dev/null || true; done
}
trap stop_harnesses EXIT
trap 'exit 130' INT TERM
for harness in "${harnesses[@]}"; do
    rm -f "$scratch/$(corpus_name "$harness").summary" "$scratch/$(corpus_name "$harness").found"
done
for harness in "${harnesses[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do wait -n || true; done
    fuzz_one "$harness" &
done
wait
# The summary in the harnesses' order; a harness that left no count failed to run.
: > "$scratch/summary.txt"
status=0
for harness in "${harnesses[@]}"; do
    name=$(corpus_name "$harness")
    if [ -f "$scratch/$name.found" ]; then
        cat "$scratch/$name.summary" >> "$scratch/summary.txt"
        [ "$(cat "$scratch/$name.found")" = 0 ] || status=1
    else
        echo "$harness: did not run to the end (see $scratch/$name.log)" | tee -a "$scratch/summary.txt"
        status=1
    fi
done
echo "summary (also in $scratch/summary.txt):"
cat "$scratch/summary.txt"
exit $status
