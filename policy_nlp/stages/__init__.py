"""The text logic of each stage: plain functions from strings to plain records
(``{"start", "end", "text", ...}``), no spaCy (the ``pipeline`` layer turns them into spans).

Each stage, a module or a package, imports only those before it in this order:
``script``, ``paragraphs``, ``windows``, ``canonical``, ``reading_view``, ``cleaning/``,
``places``, ``normalize`` (everything before the pipeline), ``slogans/``, ``lexicon``,
``enumerations/``, ``topics/`` (``tests/test_layers.py`` checks it). Inside a package the
modules are in the order its docstring gives. See ``docs/architecture.md``.
"""
