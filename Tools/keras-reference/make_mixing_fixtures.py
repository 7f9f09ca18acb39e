#!/usr/bin/env python3
"""Records what mixing Keras 3 (`keras`, `tf.keras`) and tf-keras (`tf_keras`) objects in one script
raises, with TensorFlow 2.21, Keras 3.15.1 and tf-keras 2.21 installed side by side (Keras 3 mode:
no `TF_USE_LEGACY_KERAS`).

Usage (from the repository root):
    ~/keras-ref/bin/python Tools/keras-reference/make_mixing_fixtures.py

Each case of `Tests/Fixtures/keras3/mixing/cases.py` (cases separated by `# %% NAME` lines) runs on
its own after the shared prelude (the first section), in a child process forked after TensorFlow,
Keras 3 and tf-keras are imported (fresh name counters in both packages). Writes
`Tests/Fixtures/keras3/mixing/expected.json`: for each case its printed output and the exception
it raised ("type" and the first line of "message") or null.
"""
import contextlib
import io
import json
import os
import pathlib
import sys

os.environ.pop("TF_USE_LEGACY_KERAS", None)
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
FOLDER = ROOT / "Tests" / "Fixtures" / "keras3" / "mixing"


def sections(text):
    name, lines, result = None, [], []
    for line in text.splitlines(keepends=True):
        if line.startswith("# %%"):
            result.append((name, "".join(lines)))
            name, lines = line[4:].strip(), []
        else:
            lines.append(line)
    result.append((name, "".join(lines)))
    return result


def main():
    import warnings

    warnings.simplefilter("ignore")
    parts = sections((FOLDER / "cases.py").read_text())
    prelude = parts[0][1]
    results = {}
    import keras  # noqa: F401 - imported once, before the children fork
    import tensorflow  # noqa: F401
    import tf_keras  # noqa: F401

    for name, source in parts[1:]:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read)
            namespace = {"__name__": "__main__"}
            printed = io.StringIO()
            error = None
            with contextlib.redirect_stdout(printed):
                try:
                    exec(compile(prelude, "prelude.py", "exec"), namespace)
                    exec(compile(source, name + ".py", "exec"), namespace)
                except Exception as exception:  # noqa: BLE001 - each case records what it raised
                    message = str(exception)
                    error = {"type": type(exception).__name__, "message": message.split("\n")[0]}
            with os.fdopen(write, "w") as pipe:
                json.dump({"stdout": printed.getvalue(), "error": error}, pipe)
            os._exit(0)
        os.close(write)
        with os.fdopen(read) as pipe:
            results[name] = json.load(pipe)
        os.waitpid(pid, 0)
        print(name, results[name], file=sys.stderr)
    (FOLDER / "expected.json").write_text(json.dumps(results, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
