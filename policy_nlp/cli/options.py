"""Options several commands share, declared once: how the corpus readers find
documents (``--glob``, ``--text-column``, ``--id-column``), the word segmenter,
the annotated inputs of the commands that read annotate's output, the tables'
``--drop-duplicates`` and the ``-q`` of the commands that take long (annotate, lexicon
build, suggest, train)."""

from policy_nlp.io.corpus import DEFAULT_GLOB
from policy_nlp.io.rows import KINDS
from policy_nlp.segment.engines import DEFAULT_SEGMENTER, SEGMENTERS

# What read_inputs reads, said once for every command that reads raw documents (a table: a row a document)
RAW_INPUTS = (f"files (.txt in any encoding; tables {', '.join(KINDS)}), folders (recursive) "
              "or a folder saved by datasets' save_to_disk")


def add_input_options(parser, prefix=""):
    """``--glob``, ``--text-column`` and ``--id-column`` of
    :func:`policy_nlp.io.corpus.read_inputs`; ``prefix`` opens each help line
    (``"raw inputs: "`` where the command also takes annotated files)."""
    parser.add_argument("--glob", action="append",
                        help=f"{prefix}file pattern inside folders (repeatable; default {' '.join(DEFAULT_GLOB)})")
    parser.add_argument("--text-column", default="text", help=f"{prefix}text field of table inputs (default: text)")
    parser.add_argument("--id-column", default="id", help=f"{prefix}id field of table inputs (default: id)")


def add_segmenter_option(parser, help):
    """``--segmenter``, one of the engines :mod:`policy_nlp.segment.engines` registers."""
    parser.add_argument("--segmenter", default=DEFAULT_SEGMENTER, choices=sorted(SEGMENTERS), help=help)


def add_annotated_inputs(parser, also=""):
    """The ``inputs`` of a command reading annotate's output
    (:func:`policy_nlp.io.annotated.find_annotated`); ``also`` names other
    inputs the command takes."""
    parser.add_argument("inputs", nargs="+",
                        help=f"annotated .jsonl/.json files or 'policy-nlp annotate' output folders{also}")


def add_drop_duplicates_option(parser, prefix=""):
    """``--drop-duplicates`` of :func:`policy_nlp.apps.tables.export` (``export``,
    ``annotate --tables``); ``prefix`` opens the help line."""
    parser.add_argument("--drop-duplicates", action="store_true",
                        help=f"{prefix}leave out exact duplicate documents (same text as one read before, e.g. a "
                             "document in two overlapping inputs): every count is then per distinct document")


def add_quiet_option(parser):
    """``-q``/``--quiet`` of a command that takes long: the library's progress and notices
    (INFO on stderr) off, warnings and errors still shown (:func:`policy_nlp.cli._configure_logging`)."""
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="no progress output (warnings and errors are still shown)")
