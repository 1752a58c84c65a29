"""The ``>>>`` examples of the README and docs/ run as written (pytest's
doctest collection covers the package's docstrings, not these pages)."""

import doctest
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


def test_the_readme_commands_never_annotate_into_one_folder_twice():
    """newuser22: the README's *Topics* block wrote `annotate corpora ... --topic-model
    out/model-local -o out/mine/`, the folder its command-line block fills from
    `my_speeches/ --meta-file`: run in order, the second is refused (other settings)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    # the install block runs in a folder of its own, outside the repository
    blocks = "\n".join(block for block in re.findall(r"```sh\n(.*?)```", readme, re.DOTALL)
                        if "pip install" not in block).replace("\\\n", " ")
    outputs = {}
    for line in blocks.splitlines():
        command = re.search(r"policy-nlp annotate (.*?)(?:\s#|$)", line)
        if command:
            output = re.search(r"-o (\S+)", command.group(1)).group(1).rstrip("/")
            outputs.setdefault(output, set()).add(command.group(1).strip())
    assert outputs and not {output: runs for output, runs in outputs.items() if len(runs) > 1}
