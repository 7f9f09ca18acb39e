# Folders a script reads that are not there: os.path.exists/isdir/isfile answer False (also for a
# path built from __file__), glob finds nothing, os.listdir fails as Python fails, and
# image_dataset_from_directory checks its arguments first, then fails the way each Keras lists a
# folder (tf-keras through tf.io.gfile, Keras 3 through os.listdir).
import glob
import os
import pathlib

import tensorflow as tf
from tensorflow import keras

here = os.path.dirname(os.path.abspath(__file__))
print(os.path.basename(__file__))
for path in ["no_such_data", "no_such_data/train/cats", os.path.join(here, "no_such_weights.h5")]:
    print(path.replace(here, "<here>"), os.path.exists(path), os.path.isdir(path), os.path.isfile(path))
print(glob.glob("no_such_data/train/*/*.jpg"), glob.glob("no_such_data/**/*.png", recursive=True))
print(glob.glob("no_such_labels.csv"), len(glob.glob(pathname="no_such_data/*")))
if not os.path.exists("no_such_data"):
    print("dataset missing: download it first")
try:
    print(len(os.listdir("no_such_data/train/dogs")))
except FileNotFoundError as error:
    print("FileNotFoundError:", error)

load = keras.utils.image_dataset_from_directory
for arguments in [
    dict(label_mode="sparse"),
    dict(color_mode="gray"),
    dict(subset="training"),
    dict(validation_split=0.2, subset="training"),
    dict(validation_split=1.5, subset="training", seed=1),
    dict(validation_split=0.2, subset="train", seed=1),
]:
    try:
        load("no_such_data/train", image_size=(64, 64), **arguments)
    except ValueError as error:
        print("ValueError:", error)
train = load(
    pathlib.Path("no_such_data") / "train", validation_split=0.25, subset="both", seed=7,
    image_size=(64, 64), batch_size=16)
