"""Runs the code cells of a notebook written by `convbook export LESSON --ipynb` in real Keras
and prints what they print, to compare with `convbook summary NOTEBOOK --footer modern`.

    TF_USE_LEGACY_KERAS=1 ~/keras-ref/bin/python run_exported_notebook.py lesson.ipynb > keras.txt
    convbook summary lesson.ipynb --footer modern > convbook.txt
    diff <(sed 's/ *$//' convbook.txt) <(sed 's/ *$//' keras.txt)

Without TF_USE_LEGACY_KERAS the same cells run in Keras 3, which prints its own table style.
"""
import json
import sys

notebook = json.load(open(sys.argv[1], encoding="utf-8"))
namespace = {}
for number, cell in enumerate(notebook["cells"], start=1):
    if cell["cell_type"] != "code":
        continue
    source = "".join(cell["source"])
    exec(compile(source, f"{sys.argv[1]} (cell {number})", "exec"), namespace)
