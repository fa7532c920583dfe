#!/bin/sh
# Makes Tests/Fixtures/ledger-layout1 (outside every test target, so SwiftPM leaves its files alone): a data directory whose ledger was written by
# storage layout 1 (before #19's compact storage), with DIDs, an update, a CPT, an accredited
# issuer and an issued credential (its evidence anchored). Run with a didctl of layout 1.
set -eu
DIDCTL=${DIDCTL:?path to a didctl built before layout 2}
OUT=${1:?output directory}
rm -rf "$OUT"; mkdir -p "$OUT"
D="$OUT/data"
"$DIDCTL" init --chain-id layout1 --data-dir "$D" >/dev/null
for a in university alice; do CHANCERY_PASSWORD=pw-$a "$DIDCTL" account create $a --custody partial --data-dir "$D" >/dev/null; done
ISSUER=$(CHANCERY_PASSWORD=pw-university "$DIDCTL" did create --account university --json --data-dir "$D" | python3 -c 'import json,sys; print(json.load(sys.stdin)["did"])')
HOLDER=$(CHANCERY_PASSWORD=pw-alice "$DIDCTL" did create --account alice --json --data-dir "$D" | python3 -c 'import json,sys; print(json.load(sys.stdin)["did"])')
CHANCERY_PASSWORD=pw-alice "$DIDCTL" did update "$HOLDER" --account alice --add-service agent=LinkedDomains=https://alice.example/ --data-dir "$D" >/dev/null
cat > "$OUT/diploma.json" <<'JSON'
{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{"degree":{"type":"string"}},"required":["degree"]}
JSON
CPT=$(CHANCERY_PASSWORD=pw-university "$DIDCTL" cpt register --account university --schema "$OUT/diploma.json" --json --data-dir "$D" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
CHANCERY_PASSWORD=pw-university "$DIDCTL" issuer apply --account university --name University --cpt "$CPT" --data-dir "$D" >/dev/null
"$DIDCTL" issuer approve "$ISSUER" --cpt "$CPT" --data-dir "$D" >/dev/null
echo "{\"id\":\"$HOLDER\",\"degree\":\"BSc\"}" > "$OUT/subject.json"
CHANCERY_PASSWORD=pw-university "$DIDCTL" credential issue --account university --cpt "$CPT" --subject "$OUT/subject.json" --out "$OUT/credentials" --data-dir "$D" >/dev/null
sqlite3 "$D/ledger.sqlite" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
rm -f "$D/writer.lock" "$D/ledger.sqlite-wal" "$D/ledger.sqlite-shm"
printf '%s\n%s\n%s\n' "$ISSUER" "$HOLDER" "$CPT" > "$OUT/ids.txt"
