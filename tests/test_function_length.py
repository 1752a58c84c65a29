"""Readable units: no function in the package runs over 80 lines unless it says why.

A function longer than ``LIMIT`` lines (``def`` to last line, docstring
included) passes only with a comment containing ``long:`` giving the reason,
on the line above its ``def`` (or above its decorators) or inside its body.
Read with ``ast`` and ``tokenize``, so a string that happens to contain
"long:" does not count.
"""

import ast
import io
import tokenize
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "policy_nlp"
LIMIT = 80
MARK = "long:"


def _comments(source):
    """{line number: comment text} of a module's source."""
    return {tok.start[0]: tok.string for tok in tokenize.generate_tokens(io.StringIO(source).readline)
            if tok.type == tokenize.COMMENT}


def long_functions(source):
    """``[(name, first line, lines, reason or None)]`` of the functions over ``LIMIT`` lines."""
    comments = _comments(source)
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        length = node.end_lineno - node.lineno + 1
        if length <= LIMIT:
            continue
        first = min([node.lineno] + [d.lineno for d in node.decorator_list])
        # the comment block right above the def (its lines run on), or any comment in the body
        above = []
        line = first - 1
        while line in comments:
            above.insert(0, comments[line])
            line -= 1
        inside = [comments[n] for n in range(node.lineno, node.end_lineno + 1) if n in comments]
        reason = next((c for c in above + inside if MARK in c), None)
        found.append((node.name, node.lineno, length, reason))
    return found


def test_the_check_sees_a_long_function_and_its_reason():
    body = "".join(f"    x{i} = {i}\n" for i in range(LIMIT))
    bare = f"def f():\n{body}"
    assert long_functions(bare) == [("f", 1, LIMIT + 1, None)]
    above = f"# long: a table written out\ndef f():\n{body}"
    assert long_functions(above)[0][3] == "# long: a table written out"
    inside = f"def f():\n    # long: a table written out\n{body}"
    assert long_functions(inside)[0][3] == "# long: a table written out"
    in_a_string = f'def f():\n    s = "# long: not a comment"\n{body}'
    assert long_functions(in_a_string)[0][3] is None
    exactly = "def f():\n" + "".join(f"    x{i} = {i}\n" for i in range(LIMIT - 1))
    assert long_functions(exactly) == []


def test_no_function_over_the_limit_without_a_reason():
    unexplained = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for name, line, length, reason in long_functions(path.read_text(encoding="utf-8")):
            if reason is None:
                unexplained.append(f"{path.relative_to(PACKAGE.parent)}:{line} {name} ({length} lines)")
    assert not unexplained, (f"functions over {LIMIT} lines: split them into named steps, or say why "
                             f"not in a '# {MARK} ...' comment above the def or in the body:\n"
                             + "\n".join(unexplained))
