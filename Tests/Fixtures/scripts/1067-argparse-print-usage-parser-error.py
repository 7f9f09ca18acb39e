# argparse's own checks after parsing: print_usage() writes the usage line to stdout (or the
# file given), format_usage() returns it, and parser.error(msg) prints the usage and
# "PROG: error: msg" to stderr and exits with status 2, as a script validating its options does.
import argparse
import sys

from tensorflow import keras

ap = argparse.ArgumentParser()
ap.add_argument("-m", "--model", default="cnn", choices=["cnn", "mlp"])
ap.add_argument("--units", type=int, nargs=2, default=[32, 8])
ap.add_argument("--dropout", type=float, default=0.7)
ap.add_argument("rest", nargs="*")
ap.print_usage()
print(repr(ap.format_usage()))
ap.print_usage(sys.stderr)

args = ap.parse_args(["--units", "16", "4"])
model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(args.units[0]), keras.layers.Dense(args.units[1])])
print(args.model, model.count_params())
if args.dropout >= 0.5:
    ap.error(f"--dropout {args.dropout} is too high for {args.model}")
print("not reached")
