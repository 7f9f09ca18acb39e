# A model script whose entry point returns a status for the site builtin exit(), and a helper
# that stops early with quit(); SystemExit's code as handlers read it.
import argparse
import sys
from tensorflow import keras


def build(width, depth):
    model = keras.Sequential([keras.Input((8,))])
    for _ in range(depth):
        model.add(keras.layers.Dense(width, activation="relu"))
    model.add(keras.layers.Dense(1))
    return model


def check_budget(model, limit):
    if model.count_params() > limit:
        print(f"{model.count_params()} parameters is over the budget of {limit}")
        quit(4)
    return model.count_params()


def main() -> int:
    parser = argparse.ArgumentParser(description="Budgeted MLP")
    parser.add_argument("--width", type=int, default=16)
    parser.add_argument("--depth", type=int, default=2)
    args = parser.parse_args()
    print(exit, "|", quit)
    print(type(exit).__name__, callable(quit))
    for limit in (1000, 100):
        try:
            print("within budget:", check_budget(build(args.width, args.depth), limit))
        except SystemExit as stop:
            print("stopped with", stop.code, stop.args, repr(stop))
    for call in (lambda: exit(), lambda: quit("bye"), lambda: sys.exit(), lambda: sys.exit(2, )):
        try:
            call()
        except SystemExit as stop:
            print("code:", repr(stop.code), "args:", stop.args)
    try:
        raise SystemExit(1, "two")
    except SystemExit as stop:
        print("code:", stop.code)
    return 0


if __name__ == "__main__":
    exit(main())
    print("never printed")
