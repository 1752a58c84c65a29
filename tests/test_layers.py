"""The layer rule: a module imports only its own layer and the layers below.

Read from the source with ``ast`` (imports inside functions count too), so a
late import cannot hide an upward dependency.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "policy_nlp"
# Lowest first. The package's __init__ is the public facade and may import anything.
LAYERS = ["_startup", "errors", "schema", "_moved", "lang", "segment", "stages", "pipeline", "io", "run", "apps", "cli"]


def _layer(module):
    """``policy_nlp.stages.slogans`` -> index of ``stages``."""
    parts = module.split(".")
    if parts[0] != "policy_nlp" or len(parts) < 2:
        return None
    return LAYERS.index(parts[1]) if parts[1] in LAYERS else None


def _is_cli(module):
    return module == "policy_nlp.cli" or module.startswith("policy_nlp.cli.")


def _imports(module, path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against the module's package
                parent = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            if base == "policy_nlp":
                yield from (f"policy_nlp.{alias.name}" for alias in node.names)
            else:
                yield base
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(relative.parts)
        if name != "policy_nlp.__init__":
            yield name.removesuffix(".__init__"), path


@pytest.mark.parametrize("module, path", list(_modules()), ids=lambda v: str(v))
def test_imports_go_down_the_layers(module, path):
    own = _layer(module)
    assert own is not None, f"{module}: not in a layer of {LAYERS}"
    for imported in _imports(module, path):
        if (imported == "policy_nlp" or imported.startswith("policy_nlp.__")) and not _is_cli(module):
            raise AssertionError(f"{module} imports the package facade ({imported})")
        other = _layer(imported)
        if other is not None:
            assert other <= own, f"{module} ({LAYERS[own]}) imports {imported} ({LAYERS[other]})"


def test_every_layer_is_a_folder_or_module():
    for name in LAYERS:
        assert (PACKAGE / name).is_dir() or (PACKAGE / f"{name}.py").is_file(), name


# Inside a stage package the modules are in order, each importing only those before it
# (as the package docstrings and docs/architecture.md say); a module that is a package of
# its own (slogans/members) is listed with its own order.
STAGE_PACKAGES = {
    "cleaning": ["pieces", "dates", "furniture", "title", "wraps", "result", "glued", "headtail", "clean"],
    "slogans": ["counting", "quotes", "members", "grammar", "find", "title"],
    "slogans/members": ["items", "list_before", "before", "following", "later", "headings", "abbreviations", "link"],
    "enumerations": ["markers", "blocks", "building", "scopes", "unmarked", "across", "claims", "find"],
    "topics": ["codebook", "kinds", "context", "features", "calibration", "estimators", "multilabel", "scoring",
               "classify", "files"],
}


def _files(folder, name):
    """The source files of module ``name`` of ``folder``: its .py, or every .py of its package."""
    return sorted((folder / name).glob("*.py")) if (folder / name).is_dir() else [folder / f"{name}.py"]


@pytest.mark.parametrize("package", sorted(STAGE_PACKAGES))
def test_stage_packages_import_their_modules_in_order(package):
    order = STAGE_PACKAGES[package]
    folder = PACKAGE / "stages" / package
    modules = {p.stem for p in folder.glob("*.py") if p.stem != "__init__"}
    assert sorted(modules | {p.parent.name for p in folder.glob("*/__init__.py")}) == sorted(order)
    prefix = f"policy_nlp.stages.{package.replace('/', '.')}."
    for position, name in enumerate(order):
        for path in _files(folder, name):
            inner = "" if path.parent == folder or path.stem == "__init__" else f".{path.stem}"
            module = prefix + name + inner
            for imported in _imports(module, path):
                if imported.startswith(prefix):
                    first = imported.removeprefix(prefix).split(".")[0]
                    # a package's own modules import each other in the order listed for it
                    assert first in order[:position] or first == name, f"{module} imports {imported}"


# The stages themselves, lowest first: each flat module or package imports only those before it
# (the slogans stage runs before the enumerations stage, whose claims read its numbered
# formulations; what both read of a text's outline lies below them, in lang.outline).
STAGES = ["script", "paragraphs", "windows", "canonical", "reading_view", "cleaning", "places", "normalize",
          "slogans", "lexicon", "enumerations", "topics"]


def _stage(module):
    """``policy_nlp.stages.slogans.members.later`` -> ``slogans``; None outside the stages."""
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[:2] == ["policy_nlp", "stages"] else None


def test_every_stage_is_in_the_stage_order():
    found = {p.stem for p in (PACKAGE / "stages").glob("*.py")} | {
        p.parent.name for p in (PACKAGE / "stages").glob("*/__init__.py")}
    assert sorted(found - {"__init__"}) == sorted(STAGES)


@pytest.mark.parametrize("module, path", [(m, p) for m, p in _modules() if _stage(m)], ids=lambda v: str(v))
def test_stages_import_only_the_stages_before_them(module, path):
    own = STAGES.index(_stage(module))
    for imported in _imports(module, path):
        other = _stage(imported)
        if other is not None:
            assert STAGES.index(other) <= own, f"{module} ({STAGES[own]}) imports {imported} ({other})"


def _import_graph():
    """Every module -> the package modules it imports (``from package import module`` is that module)."""
    modules = dict(_modules())
    graph = {}
    for module, path in modules.items():
        package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parent = package.split(".")[:len(package.split(".")) - node.level + 1]
                    base = ".".join(parent + ([base] if base else []))
                names = [f"{base}.{alias.name}" for alias in node.names]
                targets.update(n for n in names if n in modules)
                if base in modules and not any(n in modules for n in names):
                    targets.add(base)
            elif isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names if alias.name in modules)
        graph[module] = targets - {module}
    return graph


def test_no_module_imports_one_that_imports_it_back():
    """No import cycle, not even through late imports (what both corpus backends run is run.worker)."""
    graph = _import_graph()

    def reaches(start, goal):
        seen, todo = set(), [start]
        while todo:
            module = todo.pop()
            if module == goal:
                return True
            if module not in seen:
                seen.add(module)
                todo.extend(graph[module])
        return False

    cycles = {frozenset((a, b)) for a in graph for b in graph[a] if reaches(b, a)}
    assert not cycles, sorted(map(sorted, cycles))
