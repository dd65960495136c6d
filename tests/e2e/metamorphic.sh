#!/bin/sh
# The metamorphic suite (tests/metamorphic.py): every fixture of the
# re-import and weekly dialects, and the seeds when present, rewritten in
# every way their converters vary, must give the same items.
DIGEST=${DIGEST:-bin/digest}
SEEDS=${SEEDS:-../shared/seeds}
if [ ! -d "$SEEDS" ]; then
  [ -n "${SEEDS_REQUIRED:-}" ] && { echo "error: seed corpus not found at $SEEDS" >&2; exit 1; }
  echo "note: seed corpus not found at $SEEDS: fixtures only"; SEEDS=
fi
python3 tests/metamorphic.py "$DIGEST" $SEEDS
