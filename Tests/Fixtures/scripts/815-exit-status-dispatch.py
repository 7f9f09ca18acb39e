# A command-line model tool: argparse picks a builder from a dispatch table, and the script ends
# with the status of its main(), as tools report failure to the shell.
import argparse
import sys

from tensorflow import keras


def dense_model(width):
    return keras.Sequential(
        [keras.Input(shape=(6,)), keras.layers.Dense(width, activation="relu"), keras.layers.Dense(1)],
        name=f"dense_w{width}",
    )


def conv_model(width):
    return keras.Sequential(
        [keras.Input(shape=(12, 1)), keras.layers.Conv1D(width, 3), keras.layers.GlobalMaxPooling1D()],
        name=f"conv_w{width}",
    )


BUILDERS = {"dense": dense_model, "conv": conv_model}


def main(argv):
    parser = argparse.ArgumentParser(description="build a model")
    parser.add_argument("kind", choices=sorted(BUILDERS) + ["rnn"])
    parser.add_argument("--width", type=int, default=4)
    args = parser.parse_args(argv)
    builder = BUILDERS.get(args.kind)
    if builder is None:
        print(f"no builder for {args.kind!r}; known: {', '.join(BUILDERS)}")
        return 3
    model = builder(args.width)
    print(model.name, model.count_params())
    return 0


for argv in (["dense", "--width", "8"], ["conv"]):
    status = main(argv)
    if status:
        sys.exit(status)
sys.exit(main(["rnn"]))
