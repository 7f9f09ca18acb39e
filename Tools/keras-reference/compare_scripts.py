#!/usr/bin/env python3
"""Measures `convbook run` against real Keras on a folder of model scripts kept outside the
repository (for instance real model code copied from books and tutorials, which must not be
committed): what `python FILE.py` prints with tf-keras 2.21 and with Keras 3, then the same files
through `convbook run --keras 2|3`, file by file.

Usage (from the repository root; FOLDER holds the `*.py` files):
    TF_USE_LEGACY_KERAS=1 ~/keras-ref/bin/python Tools/keras-reference/compare_scripts.py record FOLDER
    ~/keras-ref/bin/python Tools/keras-reference/compare_scripts.py record --keras3 FOLDER
    python3 Tools/keras-reference/compare_scripts.py compare FOLDER [--convbook PATH] [FILE.py ...]

`record` runs each script as `make_script_fixtures.py` does (a child forked after TensorFlow is
imported, in FOLDER), with `keras` aliased to tf-keras under tf-keras (as `make_fixtures.py` does)
and `keras.applications` weights not downloaded (as `make_application_fixtures.py`), and writes
FOLDER/.reference/keras2/NAME.json or keras3/NAME.json; a file is recorded again only when it is
newer than its record. `compare` prints one line per file and version: `match` (standard output
byte for byte, the same exit status and, for a failure, the same `Type: message` line), `refused`
(ConvBook stopped with a message of its own naming what it lacks), `WRONG-path` (the same
output and error but for the absolute site-packages folder Python prints in an ImportError, which
ConvBook leaves out), `match-timings` (the same once the progress bars are reduced to what a
terminal shows last on each line and their timings are taken out: Keras redraws a bar with
carriage returns and backspaces as time passes (Keras 3 in bold and green terminal styles) and
prints `- 2s 11ms/step`, which ConvBook leaves out by design, README "Cells train too"), or `WRONG` with both last lines, then the totals.
"""
import json
import os
import re
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def skipping_files(load_weights):
    """`load_weights` that does nothing for a file name (the scripts' weight files are not
    here) and fails as Keras does for anything else (`model.load_weights(...)`)."""
    def load(self, filepath, *args, **kwargs):
        if isinstance(filepath, (str, os.PathLike)):
            return None
        return load_weights(self, filepath, *args, **kwargs)
    return load


def record(folder, keras3, names):
    sys.path.insert(0, str(HERE))
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
    for name in ("COLUMNS", "LINES", "FORCE_COLOR", "NO_COLOR"):
        os.environ.pop(name, None)
    import make_fixtures
    import make_script_fixtures

    make_script_fixtures.SCRIPTS = folder
    import tensorflow  # noqa: F401 - imported once, before the children are forked

    if keras3:
        import keras
        from keras.src.utils import file_utils

        file_utils.get_file = no_download
        stub_dataset_downloads("keras.src.datasets")
        keras.Model.load_weights = skipping_files(keras.Model.load_weights)
    # tf-keras' downloads are stubbed under Keras 3 too: a script may `import tf_keras as keras`.
    import tf_keras  # noqa: F401 - aliased as `keras` below under tf-keras
    from tf_keras.src.engine import training
    from tf_keras.src.utils import data_utils

    data_utils.get_file = no_download
    stub_dataset_downloads("tf_keras.src.datasets")
    training.Model.load_weights = skipping_files(training.Model.load_weights)
    if not keras3:
        make_fixtures.alias_keras_to_tf_keras()
    out = folder / ".reference" / ("keras3" if keras3 else "keras2")
    out.mkdir(parents=True, exist_ok=True)
    files = [folder / name for name in names] if names else sorted(folder.glob("*.py"))
    for script in files:
        target = out / (script.stem + ".json")
        if not names and target.exists() and target.stat().st_mtime > script.stat().st_mtime:
            continue
        recorded = make_script_fixtures.record(script)
        target.write_text(json.dumps(recorded, indent=1, ensure_ascii=False) + "\n")
        print(script.name, recorded["exit_code"], recorded["error"] or "", flush=True)


STYLES = re.compile(r"\x1b\[[0-9;]*m")
PROGRESS = re.compile(r"^\s*\d+/\d+ ")
TIMINGS = (
    re.compile(r" - \d+(?:\.\d+)?(?:s|ms|us)/epoch"),
    re.compile(r" -? ?\d+(?:\.\d+)?(?:s|ms|us)/step"),
    re.compile(r" -? ?(?:\d+:)?\d+s(?= |$)"),
)


def without_timings(text):
    """`text` as a terminal leaves it (each line's part after its last carriage return, without
    backspaces) with the elapsed times of the progress lines (`N/M ...`) taken out."""
    lines = []
    for line in text.split("\n"):
        line = line.rsplit("\r", 1)[-1].replace("\b", "")
        if PROGRESS.match(STYLES.sub("", line)):
            line = STYLES.sub("", line)
            for timing in TIMINGS:
                line = timing.sub("", line)
            line = line.rstrip(" ")
        lines.append(line)
    return "\n".join(lines)


def compare(folder, convbook, names):
    files = [folder / name for name in names] if names else sorted(folder.glob("*.py"))
    totals = {"2": {}, "3": {}}
    for script in files:
        cells = [script.stem]
        for version in ("2", "3"):
            reference = folder / ".reference" / ("keras" + version) / (script.stem + ".json")
            if not reference.exists():
                cells.append("no record")
                continue
            expected = json.loads(reference.read_text())
            run = subprocess.run(
                [convbook, "run", "--keras", version, script.name], cwd=folder,
                capture_output=True, timeout=600)
            output = run.stdout.decode("utf-8", "replace")
            lines = run.stderr.decode("utf-8", "replace").rstrip("\n").splitlines()
            # ConvBook's diagnostics (`FILE:LINE:COLUMN: error: ...`), not a program's own
            # `PROG: error: ...` line (argparse's).
            refusals = [line.split(": error: ", 1)[1] for line in lines
                        if re.match(r"^.*:\d+:\d+: error: ", line)]
            last = refusals[0] if refusals else (lines[-1] if lines else "")
            failed = run.returncode != 0
            if run.returncode not in (0, 1) and run.returncode != expected["exit_code"]:
                status = f"CRASH {run.returncode}"
            elif (output == expected["stdout"] and failed == (expected["exit_code"] != 0)
                  and (not failed or last == (expected["error"] or ""))):
                status = "match"
            elif (without_timings(output) == without_timings(expected["stdout"])
                  and failed == (expected["exit_code"] != 0)
                  and (not failed or last == (expected["error"] or ""))):
                status = "match-timings"
            elif failed and refusals and "ConvBook" in last:
                status = "refused"
            elif (output == expected["stdout"] and failed
                  and re.sub(r"\(/\S*/site-packages/", "(", expected["error"] or "") == last):
                # Only the module file's folder differs: ConvBook names it below site-packages,
                # where Python prints the machine's absolute path (README, "Modules are named").
                status = "WRONG-path"
            else:
                status = "WRONG"
            totals[version][status.split()[0]] = totals[version].get(status.split()[0], 0) + 1
            detail = "" if status in ("match", "match-timings") else f" (Keras: {expected['error']}; ConvBook: {last})"
            cells.append(f"keras {version}: {status}{detail}")
        print("  ".join(cells), flush=True)
    for version, counts in totals.items():
        print(f"keras {version}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


def no_download(*args, **kwargs):
    """Keras' `get_file` without the network: a path that does not exist."""
    return "/nonexistent/weights.h5"


def stub_dataset_downloads(package):
    """The dataset modules import `get_file` by name (`from ...file_utils import get_file`), so
    stubbing the utility module alone leaves their `load_data()` downloading."""
    import importlib
    import pkgutil

    datasets = importlib.import_module(package)
    for info in pkgutil.iter_modules(datasets.__path__):
        module = importlib.import_module(f"{package}.{info.name}")
        if hasattr(module, "get_file"):
            module.get_file = no_download


def main():
    arguments = sys.argv[1:]
    if not arguments or arguments[0] not in ("record", "compare"):
        sys.exit(__doc__)
    command, rest = arguments[0], arguments[1:]
    keras3 = "--keras3" in rest
    convbook = str(ROOT / ".build" / "debug" / "convbook")
    if "--convbook" in rest:
        convbook = rest[rest.index("--convbook") + 1]
        rest = [a for a in rest if a not in ("--convbook", convbook)]
    rest = [a for a in rest if a != "--keras3"]
    folder = pathlib.Path(rest[0]).resolve()
    names = rest[1:]
    if command == "record":
        if keras3 == (os.environ.get("TF_USE_LEGACY_KERAS") == "1"):
            sys.exit("record with TF_USE_LEGACY_KERAS=1 for tf-keras, or with --keras3 without it")
        record(folder, keras3, names)
    else:
        compare(folder, convbook, names)


if __name__ == "__main__":
    main()
