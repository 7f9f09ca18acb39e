"""argparse defaults (parse_args([])), seeds, and a model sized from the arguments."""
import argparse
import random

import numpy as np
import tensorflow as tf
from tensorflow import keras

SEED = 1234
random.seed(SEED)
np.random.seed(SEED)
tf.random.set_seed(SEED)
keras.utils.set_random_seed(SEED)

parser = argparse.ArgumentParser(description="toy trainer")
parser.add_argument("--image-size", type=int, default=64)
parser.add_argument("--channels", type=int, default=3)
parser.add_argument("--depth", type=int, default=3)
parser.add_argument("--base-filters", type=int, default=8)
parser.add_argument("--lr", type=float, default=1e-3)
args = parser.parse_args([])
print(args.image_size, args.depth, args.base_filters, f"{args.lr:.0e}")

inputs = keras.Input(shape=(args.image_size, args.image_size, args.channels))
x = inputs
for level in range(args.depth):
    filters = args.base_filters * 2 ** level
    x = keras.layers.Conv2D(filters, 3, strides=2, padding="same", activation="relu")(x)
size = args.image_size // pow(2, args.depth)
print("feature map:", size, "x", size, divmod(args.image_size, 3))
x = keras.layers.Flatten()(x)
outputs = keras.layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer=keras.optimizers.Adam(learning_rate=args.lr), loss="binary_crossentropy")
model.summary()
