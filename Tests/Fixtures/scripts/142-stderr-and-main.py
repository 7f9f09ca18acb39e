import argparse
import sys

from tensorflow import keras
from tensorflow.keras import layers


def parse(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=16)
    parser.add_argument("--classes", type=int, default=3)
    return parser.parse_args(argv)


def main():
    args = parse()
    print(f"building with {args}", file=sys.stderr)
    model = keras.Sequential([
        keras.Input(shape=(4,)),
        layers.Dense(args.units, activation="relu"),
        layers.Dense(args.classes, activation="softmax"),
    ])
    sys.stdout.write(f"params: {model.count_params()}\n")
    print("argv:", sys.argv[1:], file=sys.stdout)
    sys.stderr.write("done\n")
    return model


if __name__ == "__main__":
    model = main()
    print(model.layers[-1].units)
