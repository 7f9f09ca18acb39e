import argparse

from tensorflow import keras
from tensorflow.keras import layers


def parse_args():
    parser = argparse.ArgumentParser(description="Train a small CNN")
    parser.add_argument("--filters", type=int, default=32, help="filters in the first layer")
    parser.add_argument("--dropout", type=float, default=0.25)
    parser.add_argument("--classes", type=int, default=10)
    return parser.parse_args()


def main():
    args = parse_args()
    model = keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        layers.Conv2D(args.filters, 3, activation="relu"),
        layers.MaxPooling2D(),
        layers.Dropout(args.dropout),
        layers.Flatten(),
        layers.Dense(args.classes, activation="softmax"),
    ])
    model.summary()
    print(vars(args))


if __name__ == "__main__":
    main()
