# The setup cell a book's chapters open with, before any model: version checks, matplotlib
# settings for the figures to come (rc groups, aliases and font-size names, with matplotlib's own
# KeyError and ValueError for a wrong name or size), the folder the figures go to made with
# os.makedirs(exist_ok=True) or Path.mkdir(parents=True, exist_ok=True), a save_fig helper that is
# only defined, then what the script asks about the folders it made: they are there and empty,
# making one again without exist_ok is FileExistsError, a missing parent FileNotFoundError.
import glob
import os
import sys
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
from tensorflow import keras

assert sys.version_info >= (3, 7), "this chapter needs Python 3.7 or later"

mpl.rc("axes", labelsize=14, titlesize=16)
mpl.rc("xtick", labelsize=12)
plt.rc("ytick", labelsize=12)
plt.rc("legend", fontsize="Medium")
plt.rc(("lines", "patch"), lw=2, aa=True)
plt.rc("font", size=13.5)
print(plt.rc("axes", grid=True), mpl.rc("figure", dpi=100))

CHAPTER = "regression"
FIGURES = os.path.join(".", "figures", CHAPTER)
os.makedirs(FIGURES, exist_ok=True)
os.makedirs(FIGURES, exist_ok=True)
CHECKPOINTS = Path() / "runs" / CHAPTER / "weights"
CHECKPOINTS.mkdir(parents=True, exist_ok=True)


def save_fig(fig_id, tight_layout=True, fig_extension="png", resolution=300):
    path = os.path.join(FIGURES, fig_id + "." + fig_extension)
    print("Saving figure", fig_id)
    if tight_layout:
        plt.tight_layout()
    plt.savefig(path, format=fig_extension, dpi=resolution)


print(os.path.exists(FIGURES), os.path.isdir(FIGURES), os.path.isfile(FIGURES))
print(os.listdir(FIGURES), glob.glob(FIGURES + "/*.png"), glob.glob("runs/" + CHAPTER))
print(CHECKPOINTS.exists(), CHECKPOINTS.is_dir(), CHECKPOINTS.parent.exists(),
      (CHECKPOINTS / "best.weights.h5").exists(), os.path.exists("runs"))
print(os.path.exists("figures/other"), Path("figures", CHAPTER, "loss.png").is_file())

for attempt in (lambda: os.makedirs(FIGURES),
                lambda: CHECKPOINTS.mkdir(),
                lambda: Path("logs", "fit").mkdir(),
                lambda: os.mkdir("logs/fit/today"),
                lambda: plt.rc("font", weight_typo=1),
                lambda: plt.rc("xtick", labelsize="tiny")):
    try:
        attempt()
    except (OSError, KeyError, ValueError) as error:
        print(type(error).__name__, error)

os.mkdir("logs")
Path("logs/fit").mkdir()
print(sorted(p for p in ["logs", "logs/fit", "logs/fit/x"] if os.path.isdir(p)))

keras.utils.set_random_seed(42)
model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3, activation="relu"),
                          keras.layers.Dense(1)], name="house_prices")
model.compile(optimizer="adam", loss="mse")
print(model.name, model.count_params(), np.round(model.predict(np.ones((2, 4)), verbose=0).ravel(), 5))
