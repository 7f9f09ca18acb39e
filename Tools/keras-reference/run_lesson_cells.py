"""Run a lesson's ```keras cells in real Keras, in order, in one namespace, and print what they print.

The check that a lesson is honest Keras: what this prints must be what ConvBook shows on the page
(and what `convbook summary LESSON.md --footer modern` prints for tf-keras 2.x).

    TF_USE_LEGACY_KERAS=1 ~/keras-ref/bin/python Tools/keras-reference/run_lesson_cells.py Lessons/01-*.md
    ~/keras-ref/bin/python Tools/keras-reference/run_lesson_cells.py Lessons/01-*.md     # Keras 3

Options:
    --summaries   after the cells, print model.summary() of every model the cells bound to a
                  variable, in the order the variables were first bound (no cell output)
    --inline      after the cells, evaluate every inline `{keras} ...` value and every exercise
                  `answer:` and print them as ConvBook formats them (integers with separators),
                  and every `require:` of a design exercise on its solution (each must be True)

Only the cells run; figures and exercises are not ConvBook's business here. The exercise helpers
`uses(model, "Class")`, `count(model, "Class")` and `params(model)` are defined; `macs(model)` is not (Keras has no such
count), so an expression using it prints as skipped.
"""

import contextlib
import io
import os
import re
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

FENCE = re.compile(r"^(`{3,}|~{3,})\s*(\S*)(.*)$")
INLINE = re.compile(r"`\{keras\}\s*([^`]+)`")


def blocks(text):
    """(info word, options, first line number, body) of every fenced block, in order."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        match = FENCE.match(lines[i].lstrip(" ")) if len(lines[i]) - len(lines[i].lstrip(" ")) < 4 else None
        if not match:
            i += 1
            continue
        fence, word, rest = match.group(1), match.group(2), match.group(3)
        start = i + 1
        body = []
        i += 1
        while i < len(lines) and not lines[i].lstrip(" ").startswith(fence):
            body.append(lines[i])
            i += 1
        i += 1
        yield word, rest.strip(), start + 1, "\n".join(body)


def requirements(body):
    """(solution name, [requirement expressions]) of a design exercise block, or None."""
    solution, found, in_require = None, [], False
    for line in body.split("\n"):
        if line.startswith("solution:"):
            solution = line[len("solution:"):].strip()
        if line.startswith("require:"):
            in_require = True
            continue
        if in_require and line.lstrip().startswith("- ") and line.startswith(" "):
            found.append(line.lstrip()[2:].strip())
        elif not line.startswith(" "):
            in_require = False
    return (solution, found) if solution and found else None


def answers(body):
    """The `answer:` expression of an exercise block (one line, possibly continued)."""
    found = []
    for line in body.split("\n"):
        if line.startswith("answer:"):
            found.append(line[len("answer:"):].strip())
    return found


def convbook_format(value):
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, tuple):
        return "(" + ", ".join("None" if v is None else str(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    return str(value)


def main(argv):
    options = {a for a in argv if a.startswith("--")}
    paths = [a for a in argv if not a.startswith("--")]
    if len(paths) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    text = open(paths[0], encoding="utf-8").read()
    namespace = {"__name__": "__lesson__"}
    order = []  # variable names in the order they were first bound to a model
    all_blocks = list(blocks(text))
    for word, rest, line, body in all_blocks:
        if word != "keras":
            continue
        captured = io.StringIO()
        with contextlib.redirect_stdout(captured):
            exec(compile(body, f"{paths[0]}:{line}", "exec"), namespace)
        for name, value in namespace.items():
            if name not in order and hasattr(value, "summary") and hasattr(value, "count_params"):
                order.append(name)
        if not options & {"--summaries", "--inline"}:
            print(f"### cell at line {line}")
            print(captured.getvalue(), end="")
    if "--summaries" in options:
        for name in order:
            namespace[name].summary()
    if "--inline" in options:
        namespace["params"] = lambda model: model.count_params()
        namespace["uses"] = lambda model, cls: any(type(l).__name__ == cls for l in model.layers)
        namespace["count"] = lambda model, cls: sum(type(l).__name__ == cls for l in model.layers)
        expressions = []
        for word, rest, line, body in all_blocks:
            if word == "exercise":
                expressions += [("answer", e) for e in answers(body)]
                design = requirements(body)
                if design:
                    solution, rules = design
                    # Each requirement with `model` bound to the solution: all must print True.
                    expressions += [(f"require {solution}", f"(lambda model: {rule})({solution})") for rule in rules]
        prose = re.sub(r"(?ms)^(`{3,}|~{3,}).*?^\1", "", text)
        expressions = [("inline", m.group(1).strip()) for m in INLINE.finditer(prose)] + expressions
        for label, expression in expressions:
            if "macs(" in expression:
                print(f"{label}: {expression} = (skipped: macs is ConvBook's)")
                continue
            try:
                value = eval(expression, namespace)
                print(f"{label}: {expression} = {convbook_format(value)}")
            except Exception as error:  # report and go on: one bad expression should not hide the rest
                print(f"{label}: {expression} = ERROR {type(error).__name__}: {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
