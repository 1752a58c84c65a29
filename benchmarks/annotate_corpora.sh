#!/bin/bash
# Annotate the development corpora of ../shared into OUT, one folder each, for the audits and the
# out-of-sample benchmarks that read annotated output (recall_audit, list_audit, quoted_out_of_sample,
# members_out_of_sample): OUT/{local,national,xi,pd,seed}/annotations.jsonl. About a minute on 2 cores.
#
#   bash benchmarks/annotate_corpora.sh OUT            # with this checkout's code
#   bash benchmarks/annotate_corpora.sh OUT TREE       # with another checkout's code (to compare)
set -euo pipefail
if [ $# -lt 1 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
    sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0
fi
HERE=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(readlink -f -m "$1"); TREE=$(readlink -f "${2:-$HERE}")
S=$(readlink -f "$HERE/../shared/corpora")
PY=${PYTHON:-$HERE/.venv/bin/python}
run() { name=$1; shift; mkdir -p "$OUT/$name"
        (cd "$TREE" && PYTHONPATH="$TREE" "$PY" -m policy_nlp.cli annotate -q "$@" -o "$OUT/$name/annotations.jsonl" --no-resume) \
        || echo "FAILED $name" >&2; }
run local "$S/local_speeches/excerpts.jsonl" &
run national "$S/national/government_work_reports.jsonl" "$S/national/cpc_congress_reports.jsonl" --text-column content
wait
run xi "$S/xi_speeches_2020/all_data.csv" --text-column Text --date-column Date &
run pd "$S/policy_docs/policy_documents.jsonl" --text-column content_zh
wait
run seed "$S/seed/000_49f5c10d9eda79ac.txt"
echo "annotated into $OUT"
