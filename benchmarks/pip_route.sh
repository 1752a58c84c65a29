#!/bin/bash
# The README's pip route, checked for one Python: a fresh venv in a temporary folder outside
# the repository, the three pip commands, then 'policy-nlp annotate' on the seed from there.
#   benchmarks/pip_route.sh /root/.pyenv/versions/3.13.0/bin/python
# Prints the library versions pip chose, the install time and what the seed's annotation holds.
# Needs a package index (pip's usual configuration) and a C compiler (pkuseg, the fast segmenter).
set -eu
PY=${1:?usage: benchmarks/pip_route.sh PYTHON}
REPO=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
cd "$WORK"
"$PY" -m venv env
. env/bin/activate
start=$(date +%s)
pip install -q --upgrade pip setuptools wheel numpy cython
pip install -q --no-build-isolation pkuseg==0.0.25
pip install -q "$REPO"
echo "install: $(( $(date +%s) - start )) s in $WORK"
python -c "import sys, numpy, sklearn, spacy; print(sys.version.split()[0], 'numpy', numpy.__version__, 'scikit-learn', sklearn.__version__, 'spacy', spacy.__version__)"
python -c "from policy_nlp.segment.fastseg import FastSegmenter; print('segmenter engine:', FastSegmenter().engine)"
policy-nlp annotate "$REPO/corpora/000_49f5c10d9eda79ac.txt" -o out/
python - <<'PY'
import json
d = json.loads(open("out/annotations.jsonl", encoding="utf-8").readline())
print("paragraphs", len(d["paragraphs"]), "with a topic", sum(1 for p in d["paragraphs"] if p.get("topic")),
      "slogans", len(d["slogans"]), "lists", len(d["lists"]))
PY
