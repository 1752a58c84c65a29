"""The ``>>>`` examples of the README and docs/ run as written (pytest's
doctest collection covers the package's docstrings, not these pages)."""

import doctest
import importlib.util
import re
import warnings

import pytest

from conftest import ROOT

# pages with an example: a line opening with >>> (not the prompt named in prose)
PAGES = [page for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
         if re.search(r"^\s*>>> ", page.read_text(encoding="utf-8"), re.MULTILINE)]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_the_examples_of_a_page_run_as_written(page):
    with warnings.catch_warnings():
        # an example on an old module path (policy_nlp._moved) would teach it
        warnings.filterwarnings("error", message=r"policy_nlp\.", category=DeprecationWarning)
        result = doctest.testfile(str(page), module_relative=False)
    assert result.attempted > 0 and result.failed == 0


def _module_names():
    """The name of every module and package of policy_nlp (a package by its folder)."""
    for path in sorted((ROOT / "policy_nlp").rglob("*.py")):
        name = path.parent.name if path.name == "__init__.py" else path.stem
        if name != "policy_nlp":
            yield name


def test_the_architecture_page_names_every_module():
    # the one page that draws the layers goes stale when a module is added or moved unseen
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    missing = [name for name in _module_names() if not re.search(rf"(?<![\w.]){re.escape(name)}\b", page)]
    assert not missing, f"docs/architecture.md does not name: {missing}"


def test_the_readme_library_example_runs_as_written(tmp_path, monkeypatch):
    """The README's Python block (a new user's first code: annotate, write, view, and read
    a file in any encoding) runs as written, from a folder holding the sample's corpora/."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Use it as a library\n\n```python\n(.*?)```", readme, re.DOTALL).group(1)
    (tmp_path / "corpora").symlink_to(ROOT / "corpora")
    (tmp_path / "out").mkdir()
    monkeypatch.chdir(tmp_path)
    scope = {}
    exec(compile(block, "README.md", "exec"), scope)
    assert scope["meta"]["encoding"] == "utf-8" and scope["doc"]._.meta["year"] == 2012
    assert (tmp_path / "out" / "mine_view" / "seed.html").is_file()


def _pages():
    """README.md and every page of docs/, history included."""
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def test_every_relative_link_of_the_docs_names_a_file():
    # sections move between the reference pages and docs/history/; a link left behind breaks silently
    broken = []
    for page in _pages():
        text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if not re.match(r"[a-z]+:|#", target) and not (page.parent / target.split("#")[0]).exists():
                broken.append(f"{page.relative_to(ROOT)}: {target}")
    assert not broken, broken


# a page and a section named in prose: docs/topics.md, *Training on your labels* (or "...")
_CITATION = re.compile(r"(?:docs/)?(\w+\.md)`?,\s+(?:\*([^*]+)\*|\"([^\"]+)\")")


def test_every_section_the_code_and_docs_cite_is_in_its_page():
    # docstrings, error messages and pages send readers to a section by name; docs/history/ is left
    # out, its notes cite the pages of their day
    sources = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    for folder in ("policy_nlp", "benchmarks", "tests", "models"):
        sources += sorted((ROOT / folder).rglob("*.py"))
    missing = []
    for source in sources:
        for match in _CITATION.finditer(source.read_text(encoding="utf-8")):
            page = ROOT / "docs" / match.group(1)
            name = " ".join((match.group(2) or match.group(3)).split())
            if page.is_file() and name not in " ".join(page.read_text(encoding="utf-8").split()):
                missing.append(f"{source.relative_to(ROOT)}: {match.group(1)}, {name!r}")
    assert not missing, missing


def _annotate_runs(page):
    """``(output folder, settings)`` of every ``policy-nlp annotate`` of a page's sh blocks
    but the install block (run in a folder of its own), $S expanded, inputs by name."""
    import shlex
    from policy_nlp.cli import build_parser
    text = (ROOT / page).read_text(encoding="utf-8")
    blocks = "\n".join(block for block in re.findall(r"```sh\n(.*?)```", text, re.DOTALL)
                        if "pip install" not in block).replace("\\\n", " ")
    for line in blocks.splitlines():
        command = re.search(r"policy-nlp (annotate .*?)(?:\s#|$)", line)
        if command:
            args = vars(build_parser().parse_args(shlex.split(command.group(1).replace("$S", "../shared/corpora"))))
            settings = {key: value for key, value in args.items()  # what a rerun compares, not how it runs
                        if key not in ("output", "func", "workers", "backend", "scheduler", "quiet", "batch_chars")}
            settings["inputs"] = [input.rstrip("/").rsplit("/", 1)[-1] for input in settings["inputs"]]
            yield args["output"].rstrip("/"), repr(sorted(settings.items()))


def test_the_readme_and_the_worked_example_never_annotate_into_one_folder_twice():
    """newuser22: run in order from the repository root, the README's *Topics* block annotated
    into out/mine/, which its command-line block fills with other settings, and the worked
    example annotated the national, Xi and local corpora into the README's out/national/, out/xi/,
    out/local/ with other options (and its second example into its first's with another
    --id-column): each second run was refused."""
    runs = {}
    for output, settings in [*_annotate_runs("README.md"), *_annotate_runs("docs/worked_example.md")]:
        runs.setdefault(output, set()).add(settings)
    assert len(runs) > 5 and not {output: kinds for output, kinds in runs.items() if len(kinds) > 1}


# the benchmark scripts with docstring examples (pytest's doctest collection reads tests/ and policy_nlp/)
SCRIPTS = [path for path in sorted((ROOT / "benchmarks").glob("*.py"))
           if re.search(r"^\s*>>> ", path.read_text(encoding="utf-8"), re.MULTILINE)]


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_the_examples_of_a_benchmark_script_run_as_written(script):
    """newuser22: benchmarks/topic_cv.py's six examples ran in no test (they passed)."""
    spec = importlib.util.spec_from_file_location(script.stem, script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
