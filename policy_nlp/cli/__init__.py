"""The ``policy-nlp`` command: argument parsing and dispatch only.

Each command's work is a plain function of :mod:`policy_nlp.apps` or
:mod:`policy_nlp.run`; each command's options and dispatch are a module here
named after it (``annotate``, ``train``, ``suggest``, ``evaluate``, ``lexicon``,
``view``, ``report``, ``export``, ``trace``), the options several share in
``options``; this module builds the parser and is the error boundary.

The CLI is the error boundary: a user's mistake (a missing file, a bad
setting, a damaged model, a missing optional dependency) ends in one line
``policy-nlp: error: ...`` on stderr and exit status 2, never a traceback;
Ctrl-C, or SIGTERM during ``annotate``, one line and status 130 or 143.
Library modules log through :mod:`logging`; the CLI shows their warnings on
stderr as ``policy-nlp: ...`` lines.
"""

import argparse
import atexit
import gc
import logging
import signal
import sys

from policy_nlp.errors import PolicyNLPError

from policy_nlp.cli.annotate import add_annotate_command
from policy_nlp.cli.evaluate import add_evaluate_command
from policy_nlp.cli.export import add_export_command
from policy_nlp.cli.lexicon import add_lexicon_command
from policy_nlp.cli.report import add_report_command
from policy_nlp.cli.suggest import add_suggest_command
from policy_nlp.cli.trace import add_trace_command
from policy_nlp.cli.train import add_train_command
from policy_nlp.cli.view import add_view_command

# The top-level help: one line per step of a typical study.
OVERVIEW = """examples:
  policy-nlp annotate corpora/ --glob "*.txt" -o out/                # annotate (JSONL)
  policy-nlp export out/ -o out/tables/                              # Parquet tables + corpus.duckdb
  policy-nlp trace 河长制 out/ -o out/trace/                       # one formulation's spread
  policy-nlp report out/ -o out/report/                              # corpus report (index.html)
  policy-nlp view out/annotations.jsonl -o out/view/                 # one HTML page per document
  policy-nlp train my_labels.csv -o models/mine                      # topics on your own codebook
"""


class _Parser(argparse.ArgumentParser):
    """A parser whose description and epilog print as written (the examples one per line). The
    top-level parser is one, so every command's is too: ``add_subparsers`` makes parsers of its
    parser's class (and ``lexicon``'s of ``lexicon``'s)."""

    def __init__(self, *args, formatter_class=argparse.RawDescriptionHelpFormatter, **kwargs):
        super().__init__(*args, formatter_class=formatter_class, **kwargs)

    def error(self, message):
        """An unknown option or value (``--backend daskk``) is one line, as every other
        mistake is, not argparse's usage block (14 lines for annotate) above it."""
        self.exit(2, f"policy-nlp: error: {message}; '{self.prog} --help' lists the options\n")


def build_parser():
    parser = _Parser(
        prog="policy-nlp",
        description="Annotate Chinese policy text: pkuseg tokens, numbered formulations and quoted "
                    "policy terms, numbered lists with count checks, paragraph topics, date, place and "
                    "level; then export tables, trace formulations, report, view, evaluate, train.",
        epilog=OVERVIEW + "\nrun 'policy-nlp COMMAND --help' for a command's options and examples.")
    from policy_nlp import __version__
    parser.add_argument("--version", action="version", version=f"policy_nlp {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    for add in COMMANDS:
        add(commands)
    return parser


COMMANDS = [add_annotate_command, add_train_command, add_suggest_command, add_evaluate_command,
            add_lexicon_command, add_view_command, add_report_command, add_export_command, add_trace_command]


# Optional dependencies (pyproject extras) a command may need.
OPTIONAL = {"matplotlib": "report", "dask": "dask", "distributed": "dask",
            "duckdb": "tables", "pandas": "tables", "pyarrow": "tables"}


class _StderrHandler(logging.Handler):
    """Write records to the current ``sys.stderr`` (looked up at each record)."""

    def emit(self, record):
        try:
            sys.stderr.write(self.format(record) + "\n")
        except Exception:  # pragma: no cover - logging must never raise
            self.handleError(record)


def _configure_logging(quiet=False):
    """Show the library's log on stderr: progress and notices (INFO, e.g. the
    one-time segmenter cache build, a run's progress) and warnings (documents
    that failed, metadata-sheet rows that matched no document); with ``--quiet``
    the warnings and errors only: a quiet run must not lose a warning silently."""
    logger = logging.getLogger("policy_nlp")
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("policy-nlp: %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.WARNING if quiet else logging.INFO)


def _one_line(error):
    """The error as one line that names the file first (``out.csv: ...``), as every
    other message does; an output folder given where a file is says so."""
    if isinstance(error, OSError) and error.filename is not None and error.strerror:
        if isinstance(error, (FileExistsError, NotADirectoryError)):
            return (f"{error.filename}: a file is in the way of an output folder ({error.strerror}); "
                    "give a folder for the output, new or existing")
        return f"{error.filename}: {error.strerror}"
    text = " ".join(str(error).split())
    return text or type(error).__name__


def _own_the_collector():
    """The command's process: freeze what the imports made (spaCy's modules,
    which live until the exit) so that later collections skip it, and freeze
    everything again at the exit, before Python tears the modules down: the
    collector's last passes then skip the loaded pipeline's hundreds of
    thousands of objects, freed with the process anyway (~0.2-0.3 s of
    every command that loaded one)."""
    gc.freeze()
    atexit.register(gc.freeze)


def main(argv: "list[str] | None" = None) -> int:
    """Run the ``policy-nlp`` command; returns the exit status.

    User errors (:class:`~policy_nlp.errors.PolicyNLPError`, ``OSError``,
    ``ValueError``, a missing optional dependency) exit with status 2 and one
    line on stderr.
    """
    if argv is None:  # the policy-nlp command itself, not a call from Python
        _own_the_collector()
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:  # the command's own parser did not know them: point to its help, not the overview's
        command = " ".join(name for name in (args.command, getattr(args, "action", None)) if name)
        parser.exit(2, f"policy-nlp: error: unrecognized arguments: {' '.join(unknown)}; "
                       f"'policy-nlp {command} --help' lists the options\n")
    _configure_logging(getattr(args, "quiet", False))
    try:
        return args.func(args)
    except (PolicyNLPError, OSError, ValueError) as error:
        parser.exit(2, f"policy-nlp: error: {_one_line(error)}\n")
    except ModuleNotFoundError as error:
        if error.name not in OPTIONAL:
            raise  # not a user's missing extra: a bug, keep its traceback
        parser.exit(2, f"policy-nlp: error: this command needs {error.name}, which is not installed: "
                       f"pip install 'policy_nlp[{OPTIONAL[error.name]}]'\n")
    except KeyboardInterrupt as stop:  # Ctrl-C; or SIGTERM, during a corpus run (errors.Interrupted)
        # a bare Ctrl-C has no message (an exception is always true: ``stop or ...`` printed nothing)
        parser.exit(128 + getattr(stop, "signum", signal.SIGINT), f"policy-nlp: {str(stop) or 'interrupted'}\n")


if __name__ == "__main__":
    sys.exit(main())
