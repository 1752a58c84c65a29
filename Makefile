# policy_nlp: `make demo` sets everything up and annotates the bundled sample;
# `make test` sets everything up and runs the tests. Nothing else is needed
# on a machine with python3 (3.10+).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test benchmark model clean

# (the C segmenter is rebuilt when its source changes)
$(STAMP): pyproject.toml setup.py policy_nlp/segment/fastseg/_fastseg.c
	# System packages for the browser tests and Chinese plot labels (Debian's; skipped
	# where apt-get or root is missing: those tests then skip, plots use Latin labels).
	-@if [ ! -x /usr/bin/chromium ] || ! fc-list :lang=zh 2>/dev/null | grep -q .; then \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei) >/dev/null 2>&1 \
	      || echo "note: could not install chromium/fonts-wqy-microhei; browser tests will skip"; \
	  else echo "note: chromium and fonts-wqy-microhei not installed; browser tests will skip"; fi; fi
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

# The model files go into the package (policy_nlp/models/topics-default, package
# data: an installed policy_nlp has them); its card stays in models/topics-default.
model: $(STAMP)
	$(BIN)/python models/topics-default/recipe.py build -o policy_nlp/models/topics-default
	mv policy_nlp/models/topics-default/MODEL_CARD.md models/topics-default/MODEL_CARD.md

clean:
	rm -rf out .pytest_cache
