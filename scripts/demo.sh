#!/usr/bin/env bash
# The main job run by `make run`. Until the chain, credential and HTTP issues land it shows
# the command line and a primitives benchmark; the full issue-and-verify demo replaces it.
set -euo pipefail
didctl="$1"
data_dir="$2"
step() { printf '\n== %s\n' "$*"; }

step "didctl version"
"$didctl" version
step "didctl --help"
"$didctl" --help
step "didctl bench primitives (a short run; see README for the full figures)"
"$didctl" bench primitives --rounds 3 --iterations 500
echo
echo "Data directory reserved for the node: $data_dir"
