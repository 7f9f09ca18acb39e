# A training script prints its argparse help when it is run without arguments, then builds its
# model from the defaults: the usage, the description filled to the width, the positional
# arguments and the options with their help wrapped at the help column (24), a long invocation on
# a line of its own, ArgumentDefaultsHelpFormatter's "(default: ...)", %(default)s, %(type)s and
# %(choices)s in help texts, and format_help() of a second parser.
import argparse
import sys

from tensorflow import keras


def str2bool(text):
    return str(text).lower() in ("1", "true", "yes")


parser = argparse.ArgumentParser(
    description="Train a compact convolutional classifier on 32x32 colour images, with optional "
    "mixup-free augmentation and a step-decayed learning rate.",
    formatter_class=argparse.ArgumentDefaultsHelpFormatter)
parser.add_argument("image_dir", nargs="?", default="images", help="folder of class sub-folders")
parser.add_argument("--batch-size", type=int, default=32, help="images per step")
parser.add_argument("--epochs", "-e", type=int, default=3)
parser.add_argument("--widths", nargs="+", type=int, default=[16, 32], help="filters per block")
parser.add_argument("--batch-norm", type=str2bool, default=True, help="normalize after each conv (%(type)s)")
parser.add_argument("--optimizer", choices=["adam", "sgd", "rmsprop"], default="adam",
                    help="one of %(choices)s")
parser.add_argument("--dropout", type=float, default=0.25, metavar="RATE",
                    help="dropout before the classifier; set it to zero to switch the layer off entirely")
parser.add_argument("--checkpoint-every-n-epochs-when-validating", type=int, default=1,
                    help="how often to keep weights")
parser.add_argument("--quiet", action="store_true", help="print less")
if len(sys.argv) == 1:
    parser.print_help()
args = parser.parse_args()

options = argparse.ArgumentParser(prog="export.py")
options.add_argument("--fmt", default="keras", help="file format (default: %(default)s)")
options.add_argument("-o", "--out", metavar="PATH")
print(options.format_help(), end="")

inputs = keras.Input(shape=(32, 32, 3))
x = inputs
for width in args.widths:
    x = keras.layers.Conv2D(width, 3, padding="same", activation="relu")(x)
    if args.batch_norm:
        x = keras.layers.BatchNormalization()(x)
    x = keras.layers.MaxPooling2D()(x)
x = keras.layers.Dropout(args.dropout)(keras.layers.GlobalAveragePooling2D()(x))
model = keras.Model(inputs, keras.layers.Dense(10)(x), name=f"cnn_{args.optimizer}")
print(model.name, model.count_params(), args.image_dir, args.epochs, args.quiet)
