#!/bin/sh
# Summary quality on the development data (BBC News Summary: ROUGE-1/2 F with k = reference
# sentences; CNN/DM: 3 sentences vs human highlights, ROUGE-1/2/L F) with the team's scorer.
# Usage: bench/eval_summary.sh [extra score.py options, e.g. --split test --json OUT]
# Targets: BBC R2 >= 0.75; CNN/DM R1 >= 0.35 and above Lead-3 (0.311 / 0.131 / 0.198).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCORER="$ROOT/../shared/eval/score.py"
if [ ! -f "$SCORER" ]; then
    echo "eval_summary: $SCORER not found (the shared evaluation data is absent); skipping" >&2
    exit 0
fi
cd "$ROOT"
exec "$ROOT/.venv/bin/python" "$SCORER" summary \
    --cmd "$ROOT/.venv/bin/closeread analyze {paths} --json --summary-sentences {k}" "$@"
