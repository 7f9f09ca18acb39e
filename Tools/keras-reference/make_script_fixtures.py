#!/usr/bin/env python3
"""Records what `python FILE.py` prints for each script of `Tests/Fixtures/scripts/`, for
`convbook run` to match byte for byte.

Usage (from the repository root):
    TF_USE_LEGACY_KERAS=1 ~/keras-ref/bin/python Tools/keras-reference/make_script_fixtures.py [NAME.py...]
    ~/keras-ref/bin/python Tools/keras-reference/make_script_fixtures.py --keras3 [NAME.py...]

Each script runs as `python NAME.py` runs it, in the scripts folder (so a traceback names the file as
`NAME.py`): in a child process forked after TensorFlow is imported once (only `tensorflow` itself,
so that the scripts' own imports name their modules as in a fresh process). Writes
`Tests/Fixtures/scripts/expected/NAME.json` (tf-keras) or `expected-keras3/NAME.json` (Keras 3):
`stdout` (everything printed, byte for byte), `exit_code`, `error`, the last line of the traceback
on standard error ("Type: message", with CPython's "Did you mean" suggestion) or null, and
`traceback`: the traceback (with the exceptions it was raised from) with only the script's own frames (each `File "NAME.py", line N, in F`
with its source and caret lines; the frames in Keras' and TensorFlow's files are left out, as
ConvBook prints only the script's; a syntax error of the script itself is its `File "NAME.py", line
N` block alone, as `python NAME.py` prints it), or null; and `engine`, whose kernels TensorFlow ran
(`eigen`, or `oneDNN` where `IsMklEnabled()`: `TensorFlowEngine`; a recording without it is Eigen's).
"""
import json
import os
import pathlib
import re
import runpy
import subprocess
import sys
import threading
import traceback

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
SCRIPTS = ROOT / "Tests" / "Fixtures" / "scripts"


# PEP 263's declaration, as CPython's tokenizer looks for it in a file's first two lines.
CODING = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")


def tokenizer_error(script):
    """What `python NAME.py` prints for a file whose bytes do not decode: not UTF-8 and declaring
    no encoding, or declaring one that Python does not know or that does not decode them, a UTF-8
    byte order mark with another declared encoding, or a NUL byte; None
    for any other file. CPython's file tokenizer refuses such a file before anything is compiled
    ("Non-UTF-8 code starting with '\\xff' in file ...", "encoding problem: gbk"), where `runpy`,
    which compiles the bytes, words it otherwise; so the real interpreter runs it (nothing of it
    can run), and the path it names is the file's name, as a traceback names it."""
    data = script.read_bytes()
    bom = data.startswith(b"\xef\xbb\xbf")
    lines = data[3:].split(b"\n") if bom else data.split(b"\n")
    declared = [match.group(1) for line in lines[:2] if (match := CODING.match(line))]
    if bom:
        # A byte order mark with a declaration of another encoding ("encoding problem:
        # iso-8859-1 with BOM", the name as the tokenizer's get_normal_name gives it).
        name = declared[0].decode("ascii")[:12].lower().replace("_", "-") if declared else "utf-8"
        if name == "utf-8" or name.startswith("utf-8-"):
            return None
    elif b"\x00" not in data:
        # A NUL byte is refused by the file tokenizer at its line ("source code cannot contain
        # null bytes"; runpy's compile says "source code string ...").
        try:
            data.decode(declared[0].decode("ascii") if declared else "utf-8")
            return None
        except (UnicodeDecodeError, LookupError):
            pass
    path = str(script.resolve())
    result = subprocess.run([sys.executable, path], cwd=script.parent, capture_output=True)
    stderr = result.stderr.decode("utf-8", "replace").replace(path, script.name)
    lines = stderr.rstrip("\n").splitlines()
    return {
        "stdout": result.stdout.decode("utf-8"),
        "exit_code": result.returncode,
        "error": lines[-1] if result.returncode != 0 and lines else None,
        "traceback": stderr if result.returncode != 0 else None,
    }


def record(script):
    """Runs `script` as `python NAME.py` would, in a child forked from this process (which has
    imported TensorFlow once): `__main__`, `sys.argv`, the scripts folder as working directory,
    an uncaught exception printed by the interpreter's own hook and exit status 1."""
    refused = tokenizer_error(script)
    if refused is not None:
        return refused
    out_read, out_write = os.pipe()
    err_read, err_write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(out_read)
        os.close(err_read)
        os.dup2(out_write, 1)
        os.dup2(err_write, 2)
        os.chdir(SCRIPTS)
        sys.argv = [script.name]
        sys.path[0] = str(SCRIPTS)
        status = 0
        # `python NAME.py` runs the script's top level one frame deep; here the recorder's own
        # frames and runpy's come first (measured: 996 repeats of a runaway recursion, as `python NAME.py`
        # prints), so the recursion limit grows by as many.
        sys.setrecursionlimit(sys.getrecursionlimit() + len(traceback.extract_stack()) + 4)
        try:
            runpy.run_path(script.name, run_name="__main__")
        except SystemExit as exit_request:
            # As the interpreter ends on it: None is 0, an int the process status (its low 8
            # bits), anything else written to standard error with status 1.
            code = exit_request.code
            if code is None:
                status = 0
            elif isinstance(code, int):
                status = code & 0xFF
            else:
                sys.stderr.write(f"{code}\n")
                status = 1
        except BaseException:  # noqa: BLE001 - what Python prints for any uncaught exception
            # The interpreter's own hook, which adds 3.11's "Did you mean" suggestions.
            sys.__excepthook__(*sys.exc_info())
            status = 1
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
    os.close(out_write)
    os.close(err_write)
    # Both pipes are drained at once: a child that fills one (a traceback quoting a 200,000
    # character line) while the other is read would wait forever.
    errors = []
    with os.fdopen(out_read, "rb") as stdout_file, os.fdopen(err_read, "rb") as stderr_file:
        reader = threading.Thread(target=lambda: errors.append(stderr_file.read()))
        reader.start()
        stdout = stdout_file.read()
        reader.join()
        stderr = errors[0]
    _, status = os.waitpid(pid, 0)
    exit_code = os.waitstatus_to_exitcode(status)
    stderr_lines = stderr.decode("utf-8", "replace").rstrip("\n").splitlines()
    return {
        "stdout": stdout.decode("utf-8"),
        "exit_code": exit_code,
        "error": stderr_lines[-1] if exit_code != 0 and stderr_lines else None,
        # Unstripped: a message that ends in a newline leaves a blank last line, as Python prints it.
        "traceback": (
            own_frames(stderr.decode("utf-8", "replace").splitlines(), script.name)
            if exit_code != 0
            else None
        ),
    }


def own_frames(lines, name):
    """The traceback from its first `Traceback (most recent call last):` line on (a chain of
    exceptions prints one per exception, joined by "During handling of the above exception, ..."),
    keeping the frames of the script `name` (a frame is its `  File` line and the more deeply
    indented lines after it) and each exception's lines after its last frame."""
    try:
        start = min(i for i, line in enumerate(lines) if line == "Traceback (most recent call last):")
    except ValueError:
        return None
    kept = [lines[start]]
    keep = False
    for line in lines[start + 1:]:
        if line.startswith("  File "):
            keep = line.startswith(f'  File "{name}", ')
        elif line.startswith("  [Previous line repeated"):
            pass
        elif not line.startswith("    "):
            keep = True  # the exception's own lines
        if keep:
            kept.append(line)
    frames = [line for line in kept if line.startswith("  File ")]
    if kept.count(kept[0]) == 1 and frames and not any(", in " in line for line in frames):
        # A syntax error of the script itself (`File "NAME.py", line N`, in no function): `python
        # NAME.py` fails to compile it before anything runs and prints no traceback header (here
        # runpy's frames led to it).
        kept = kept[1:]
    return "\n".join(kept) + "\n"


def main():
    arguments = sys.argv[1:]
    keras3 = "--keras3" in arguments
    names = [argument for argument in arguments if argument != "--keras3"]
    if keras3 == (os.environ.get("TF_USE_LEGACY_KERAS") == "1"):
        sys.exit("run with TF_USE_LEGACY_KERAS=1 for tf-keras, or with --keras3 without it")
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
    # No terminal: Keras 3's rich table is as wide as a pipe makes it (80 columns).
    for name in ("COLUMNS", "LINES", "FORCE_COLOR", "NO_COLOR"):
        os.environ.pop(name, None)
    import tensorflow  # noqa: F401 - imported once, before the children are forked
    from tensorflow.python.util import _pywrap_util_port

    if not keras3:
        # `import keras` is tf-keras here, as in `compare_scripts.py` (the corpora) and
        # `make_fixtures.py`: with TF_USE_LEGACY_KERAS=1 only `tf.keras` is redirected.
        import tf_keras  # noqa: F401 - aliased as `keras` below

        sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
        import make_fixtures

        sys.path.pop(0)
        make_fixtures.alias_keras_to_tf_keras()

    # Whose kernels TensorFlow runs here (`TensorFlowEngine`): the tests replay each recording with
    # the engine it was made with. ConvBook models oneDNN's AVX-512 kernels only.
    engine = "oneDNN" if _pywrap_util_port.IsMklEnabled() else "eigen"
    if engine == "oneDNN" and " avx512f" not in pathlib.Path("/proc/cpuinfo").read_text():
        sys.exit("TensorFlow runs oneDNN's AVX2 kernels here, which ConvBook does not model")

    out = SCRIPTS / ("expected-keras3" if keras3 else "expected")
    out.mkdir(exist_ok=True)
    scripts = [SCRIPTS / name for name in names] if names else sorted(SCRIPTS.glob("*.py"))
    for script in scripts:
        recorded = record(script)
        recorded["engine"] = engine
        target = out / (script.stem + ".json")
        target.write_text(json.dumps(recorded, indent=1, ensure_ascii=False) + "\n")
        print(f"{target.relative_to(ROOT)}: exit {recorded['exit_code']} {recorded['error'] or ''}")


if __name__ == "__main__":
    main()
