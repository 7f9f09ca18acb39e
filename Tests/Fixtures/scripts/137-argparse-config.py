"""Train-script style: hyperparameters from the command line, model from them."""
import argparse

from tensorflow import keras
from tensorflow.keras import layers


def get_parser():
    parser = argparse.ArgumentParser(description="Build an MLP or a CNN")
    parser.add_argument("--arch", choices=["mlp", "cnn"], default="cnn")
    parser.add_argument("--width", type=int, default=32)
    parser.add_argument("--hidden", type=int, nargs="+", default=[64])
    parser.add_argument("--dropout", type=float, default="0.2")
    parser.add_argument("--no-bn", dest="batch_norm", action="store_false")
    parser.add_argument("--name", default=None)
    group = parser.add_argument_group("training")
    group.add_argument("--epochs", type=int, default=5)
    group.add_argument("-v", "--verbose", action="count", default=0)
    return parser


def build(args):
    model = keras.Sequential(name=args.name or f"{args.arch}_w{args.width}")
    model.add(keras.Input(shape=(28, 28, 1)))
    if args.arch == "cnn":
        model.add(layers.Conv2D(args.width, 3, activation="relu"))
        if args.batch_norm:
            model.add(layers.BatchNormalization())
        model.add(layers.MaxPooling2D())
    model.add(layers.Flatten())
    for units in args.hidden:
        model.add(layers.Dense(units, activation="relu"))
        model.add(layers.Dropout(args.dropout))
    model.add(layers.Dense(10, activation="softmax"))
    return model


parser = get_parser()
defaults = parser.parse_args()
print(defaults)
model = build(defaults)
print(model.name, model.count_params())
custom = parser.parse_args(["--arch", "mlp", "--hidden", "128", "64", "--no-bn", "-vv", "--epochs=2"])
print(vars(custom))
model = build(custom)
model.summary()
print(parser.parse_known_args(["--width", "8", "--unknown"])[1], parser.get_default("epochs"))
