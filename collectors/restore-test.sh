#!/bin/sh
# The example's stand-in for a restore test: a real one would restore the newest production snapshot into a
# scratch database, compare row counts and checksums, and print this JSON. `dossier collect` runs it for
# OPS-001 (controls.yaml) and saves what it prints as evidence/ops/OPS-001/restore-test-<day>.json.
set -eu
now=$(date -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}" +%Y-%m-%dT%H:%M:%SZ)
day=${now%%T*}
cat <<JSON
{
  "snapshot": "rds:insights-prod-$day",
  "restored_at": "$now",
  "rows_checked": 48213977,
  "checksum_match": true,
  "duration_minutes": 0,
  "operator": "dossier collect (example stand-in)"
}
JSON
