# A script that adds its project's folders to sys.path before importing its own modules: adding
# works (append, insert, extend and their argument errors); the project module is not there, so
# the guarded import takes its fallback and the model is built from the script itself.
import os
import sys

import tensorflow as tf
from tensorflow import keras

sys.path.append("..")
sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "src")))
sys.path.extend(["lib", "tools"])
for call in [lambda: sys.path.append(), lambda: sys.path.insert(0), lambda: sys.path.append(x="..")]:
    try:
        call()
    except TypeError as error:
        print("TypeError:", error)

try:
    from no_such_project_blocks import conv_block
except ImportError as error:
    print("ImportError:", error)

    def conv_block(x, filters):
        x = keras.layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
        return keras.layers.MaxPooling2D()(x)


def main():
    inputs = keras.Input(shape=(32, 32, 3))
    x = conv_block(inputs, 8)
    x = conv_block(x, 16)
    outputs = keras.layers.Dense(5, activation="softmax")(keras.layers.Flatten()(x))
    model = keras.Model(inputs, outputs, name="from_script")
    print(f"{model.name}: {model.count_params():,} parameters, output {model.output_shape}")


if __name__ == "__main__":
    main()
