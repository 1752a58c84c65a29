"""pyproject.toml: what the build reads without a deprecation warning, and the Python it allows."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_the_license_is_an_spdx_string_the_required_setuptools_reads():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    # license = {text = "MIT"} warned on every build from setuptools 77 on (fails from 2027-02-18);
    # the string form needs setuptools>=77, which an isolated build must then ask for
    assert config["project"]["license"] == "MIT"
    assert "setuptools>=77" in config["build-system"]["requires"]
    assert not any(c.startswith("License ::") for c in config["project"].get("classifiers", []))


# Regex syntax Python 3.11 added (possessive quantifiers *+ ++ ?+ {m,n}+, atomic groups): a package
# pattern written with it does not compile on the 3.10 that requires-python allows (re.error at import).
_NEWER_REGEX = re.compile(r"(?<!\\)(?:[*?}]|(?<![\\\[])\+)\+|\(\?>")
_RE_FUNCTIONS = {"compile", "search", "match", "fullmatch", "findall", "finditer", "sub", "subn", "split"}


def _regex_strings(tree):
    """The string parts of the first argument of every ``re.<function>(...)`` call."""
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _RE_FUNCTIONS
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.args):
            for part in ast.walk(node.args[0]):
                if isinstance(part, ast.Constant) and isinstance(part.value, str):
                    yield node.lineno, part.value


def test_the_package_regexes_use_no_syntax_newer_than_requires_python():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["project"]["requires-python"] == ">=3.10"
    newer = [f"{path.relative_to(ROOT)}:{line}: {_NEWER_REGEX.search(text).group()}"
             for path in sorted((ROOT / "policy_nlp").rglob("*.py"))
             for line, text in _regex_strings(ast.parse(path.read_text(encoding="utf-8")))
             if _NEWER_REGEX.search(text)]
    assert not newer, "Python 3.11 regex syntax (write an atomic run as (?=(X*))\\N): " + "; ".join(newer)
