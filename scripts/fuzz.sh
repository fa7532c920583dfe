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
# to standard output and to .build-fuzz/summary.txt.
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
: > "$scratch/summary.txt"
status=0
for harness in "${harnesses[@]}"; do
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
    runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | awk '{print $2}' | tail -1)
    coverage=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | awk '{print $2}')
    line="$harness: ${elapsed}s, ${runs:-?} executions, coverage ${coverage:-?} edges, corpus $(ls "$work" | wc -l) inputs, $found crashing inputs"
    echo "$line" | tee -a "$scratch/summary.txt"
    [ "$found" = 0 ] || status=1
done
exit $status
