"""The installed package works outside the repository.

Builds the wheel, installs it into a fresh virtual environment in a temporary
folder and runs ``policy-nlp annotate`` on the seed speech there, from a
working directory outside the repository and without PYTHONPATH, so the
repository's own ``policy_nlp`` cannot be the one imported. The venv has no
pip and no packages of its own: one ``.pth`` line lends it this environment's
site-packages for the *dependencies* (spaCy, pkuseg, scikit-learn ...), which
keeps the test offline and fast; ``.pth`` lines are plain paths, so this
environment's editable install of policy_nlp (a ``.pth`` import hook) is not
activated there. The README's pip route (dependencies from PyPI) is the same
wheel with its dependencies resolved by pip.
"""

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, SEED


def _run(args, cwd, **kwargs):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                            text=True, timeout=600, **kwargs)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
          "-w", out, ROOT], cwd=out)
    (path,) = out.glob("policy_nlp-*.whl")
    return path


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory):
    """A fresh venv with the wheel installed and the dependencies lent by a .pth."""
    home = tmp_path_factory.mktemp("venv")
    _run([sys.executable, "-m", "venv", "--without-pip", home / "env"], cwd=home)
    python = home / "env" / "bin" / "python"
    site = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                     cwd=home).stdout.strip())
    (site / "_policy_nlp_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "-q", wheel], cwd=home)
    return home, python


@pytest.mark.slow
def test_the_wheel_holds_the_model_the_data_and_the_c_extension(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for name in ("policy_nlp/models/topics-default/model.json", "policy_nlp/models/topics-default/model.npz",
                 "policy_nlp/data/codebook.json", "policy_nlp/data/policy_lexicon.tsv",
                 "policy_nlp/data/document.schema.json", "policy_nlp/py.typed"):
        assert name in names
    assert any(n.startswith("policy_nlp/segment/fastseg/_fastseg") and n.endswith(".so") for n in names)
    assert not any(n.startswith(("models/", "tests/", "corpora/")) for n in names)


@pytest.mark.slow
def test_the_installed_package_annotates_the_seed_outside_the_repository(venv):
    home, python = venv
    probe = _run([python, "-c", "import policy_nlp, json; from policy_nlp.stages.topics import DEFAULT_MODEL; "
                  "from policy_nlp.segment.fastseg import FastSegmenter; "
                  "print(json.dumps([policy_nlp.__file__, str(DEFAULT_MODEL), FastSegmenter().engine]))"],
                 cwd=home)
    package, model, engine = json.loads(probe.stdout)
    assert Path(package).is_relative_to(home) and not Path(package).is_relative_to(ROOT)
    assert Path(model).is_relative_to(home)
    assert engine == "c"  # the C extension was built into the wheel
    _run([home / "env" / "bin" / "policy-nlp", "annotate", SEED, "-o", "out/", "-q"], cwd=home)
    (document,) = [json.loads(line) for line in (home / "out" / "annotations.jsonl").open(encoding="utf-8")]
    assert sum(1 for p in document["paragraphs"] if p["topic"]) >= 10
    assert any(s["kind"] == "numbered" for s in document["slogans"])
    assert len(document["lists"]) >= 2 and document["tokens"]
    assert document["meta"].get("removed")  # the web page furniture was cleaned, as in the repository
