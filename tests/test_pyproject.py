"""pyproject.toml: what the build reads without a deprecation warning."""

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
