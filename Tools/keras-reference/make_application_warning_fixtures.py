#!/usr/bin/env python3
"""Records Keras 3's "Weights for input shape (224, 224) will be loaded as the default."
UserWarning of MobileNet, MobileNetV2 and MobileNetV3 for each case of
`Tests/Fixtures/keras3/application_warnings.cases` (one call per line, Python syntax, of
`keras.applications`), as Python names it on standard error: the file (the case's own line when
Keras warns at its caller, `keras/src/...` from the package folder otherwise), the line, the source
line Python shows (stripped) and the message. Every warning is recorded (`simplefilter("always")`);
Python's "once per place" is ConvBook's to apply.

The warning comes before the weights are loaded: without a network the download then fails, which
ends the case (recorded as `download`); a refusal before the warning is recorded as `refused`.

Usage (from the repository root):
    ~/keras-ref/bin/python Tools/keras-reference/make_application_warning_fixtures.py

Writes `Tests/Fixtures/keras3/application_warnings.json`.
"""
import json
import os
import pathlib
import warnings

os.environ.pop("TF_USE_LEGACY_KERAS", None)
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import keras  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
CASES = ROOT / "Tests" / "Fixtures" / "keras3" / "application_warnings.cases"
OUT = ROOT / "Tests" / "Fixtures" / "keras3" / "application_warnings.json"


def main():
    results = []
    for line in CASES.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        outcome = "built"
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                eval(compile(line, "case.py", "eval"), {"keras": keras})
            except ValueError as error:
                outcome = "refused: " + str(error).split("\n")[0]
            except Exception:  # noqa: BLE001 - the weights' download, which needs a network
                outcome = "download"
        recorded = []
        for warning in caught:
            if "Weights for input shape" not in str(warning.message):
                continue
            filename = warning.filename
            if "site-packages/" in filename:
                filename = filename.split("site-packages/", 1)[1]
                import linecache

                source = linecache.getline(warning.filename, warning.lineno).strip()
            else:
                source = line.strip()
            recorded.append(
                {
                    "file": filename,
                    "line": warning.lineno,
                    "source": source,
                    "category": warning.category.__name__,
                    "message": str(warning.message),
                }
            )
        results.append({"call": line, "outcome": outcome, "warnings": recorded})
    OUT.write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
