"""A script whose entry point hands main()'s result to sys.exit."""
import sys

from tensorflow import keras
from tensorflow.keras import layers


def main(argv):
    print("arguments:", argv[1:])
    model = keras.Sequential([
        keras.Input(shape=(16,)),
        layers.Dense(8, activation="relu"),
        layers.Dense(2),
    ], name="exit_demo")
    try:
        model.summary()
    finally:
        print("summary printed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
print("never printed")
