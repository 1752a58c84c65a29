# policy_nlp: `make demo` sets everything up and annotates the bundled sample;
# `make test` sets everything up and runs the tests. Nothing else is needed
# on a machine with python3 (3.10+).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test benchmark model clean

$(STAMP): pyproject.toml setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip setuptools wheel
	# pkuseg 0.0.25 ships only an sdist that needs numpy and cython at build time.
	$(BIN)/pip install --quiet numpy cython
	$(BIN)/pip install --quiet --no-build-isolation pkuseg==0.0.25
	$(BIN)/pip install --quiet --no-build-isolation -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/policy-nlp annotate corpora --glob "*.txt" -o out/
	@echo "annotated documents: out/annotations.jsonl"

test: $(STAMP)
	$(BIN)/python -m pytest -q

benchmark: $(STAMP)
	$(BIN)/python benchmarks/pipeline.py

model: $(STAMP)
	$(BIN)/python -m policy_nlp.topic_training build-default

clean:
	rm -rf out .pytest_cache
