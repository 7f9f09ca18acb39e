#!/usr/bin/env python3
"""Records what CPython prints for each cell of a case list, so that ConvBook's cell language can be
checked against Python itself without Python at test time.

Usage: python3 Tools/python-reference/make_fixtures.py  (rewrites Tests/Fixtures/python/*.json)

In `NAME.txt` each line is a case; in `NAME.cases` cases are separated by lines `---`. Each case runs
as a fresh `__main__` script; the fixture keeps what it printed and, if it raised, the exception as
the last line of a traceback shows it ("Type: message").
"""
import contextlib
import io
import json
import logging
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE.parent.parent / "Tests" / "Fixtures" / "python"

assert sys.version_info[:2] == (3, 11), "record with CPython 3.11, the version ConvBook follows"


def run(source):
    # `logging` keeps its configuration in the process: each case starts unconfigured, as a fresh
    # `python` would.
    logging.root.handlers.clear()
    logging.root.setLevel(logging.WARNING)
    logging.disable(logging.NOTSET)
    logging.Logger.manager.loggerDict.clear()
    # NumPy's print options are per process: each case starts with the defaults.
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        numpy.set_printoptions(precision=8, suppress=False)
    printed = io.StringIO()
    error = None
    with contextlib.redirect_stdout(printed):
        try:
            exec(compile(source, "<cell>", "exec"), {"__name__": "__main__"})
        except BaseException as exception:  # noqa: BLE001 - every exception is a recorded outcome
            # A SyntaxError's str() adds "(<cell>, line N)"; ConvBook shows the place separately.
            message = exception.msg if isinstance(exception, SyntaxError) else str(exception)
            error = type(exception).__name__ + (": " + message if message else "")
    return {"source": source, "printed": printed.getvalue(), "error": error}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for case_list in sorted([*HERE.glob("*.txt"), *HERE.glob("*.cases")]):
        text = case_list.read_text()
        if case_list.suffix == ".cases":
            cases = [case.strip("\n") + "\n" for case in text.split("\n---\n") if case.strip()]
        else:
            cases = [
                line for line in text.splitlines() if line.strip() and not line.startswith("#")
            ]
        results = [run(source) for source in cases]
        target = OUT / (case_list.stem + ".json")
        target.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
        print(f"{target.relative_to(HERE.parent.parent)}: {len(results)} cases")


if __name__ == "__main__":
    main()
