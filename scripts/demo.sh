#!/usr/bin/env bash
# The main job run by `make run`: a chain, accounts in two custody modes admitted by the
# committee, a did:chancery DID created and resolved, an audit query, an integrity check and the
# primitives benchmark. The credential issue-and-verify demo with the HTTP verifier joins it
# when those issues land.
set -euo pipefail
didctl="$1"
data_dir="$2"
step() { printf '\n== %s\n' "$*"; }

if [ ! -f "$data_dir/genesis.json" ]; then
    step "didctl init --data-dir $data_dir"
    "$didctl" init --data-dir "$data_dir"
else
    step "using the chain already in $data_dir"
fi
for account in demo-partial:partial demo-full:full; do
    name=${account%%:*}; custody=${account#*:}
    if ! "$didctl" account list --data-dir "$data_dir" | grep -q "^$name	"; then
        step "didctl account create $name --custody $custody"
        CHANCERY_PASSWORD="demo password" "$didctl" account create "$name" --custody "$custody" --data-dir "$data_dir"
    fi
done
step "didctl account recover demo-full (rebuilds the key from 3 of 5 vault shares)"
CHANCERY_PASSWORD="demo password" "$didctl" account recover demo-full --data-dir "$data_dir"
if [ ! -f "$data_dir/demo-did.txt" ]; then
    step "didctl did create --account demo-partial (signed through the partial-custody keystore)"
    CHANCERY_PASSWORD="demo password" "$didctl" did create --account demo-partial --data-dir "$data_dir" | tee "$data_dir/demo-did.txt"
fi
step "didctl did resolve $(cat "$data_dir/demo-did.txt")"
"$didctl" did resolve "$(cat "$data_dir/demo-did.txt")" --data-dir "$data_dir"
step "didctl audit trace demo-partial (auditor only; links its DID to it; the query itself is recorded on the chain)"
"$didctl" audit trace demo-partial --data-dir "$data_dir"
step "didctl chain info"
"$didctl" chain info --data-dir "$data_dir"
step "didctl chain verify"
"$didctl" chain verify --data-dir "$data_dir"
step "didctl bench primitives (a short run; see README for the full figures)"
"$didctl" bench primitives --rounds 3 --iterations 500
