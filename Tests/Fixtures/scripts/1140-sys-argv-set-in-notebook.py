# A training script turned notebook sets the command line its argparse reads: sys.argv replaced
# by a list (parse_args() then parses its items after the first), appended to, read back by
# index and slice, and parse_known_args() leaving the options it does not know.
import argparse
import os
import sys

from tensorflow import keras

print(os.path.basename(sys.argv[0]), sys.argv[1:])
sys.argv = ["train_mlp.py", "--units", "16", "--activation", "tanh"]


def options():
    parser = argparse.ArgumentParser(description="MLP on tabular features")
    parser.add_argument("--units", type=int, default=8)
    parser.add_argument("--activation", default="relu", choices=["relu", "tanh", "gelu"])
    parser.add_argument("--dropout", type=float, default=0.0)
    return parser


args = options().parse_args()
print(args.units, args.activation, args.dropout)
sys.argv += ["--dropout", "0.25"]
args = options().parse_args()
print(vars(args), len(sys.argv), sys.argv[-2:])
sys.argv.append("--wandb-project=tabular")
known, rest = options().parse_known_args()
print(known.dropout, rest)

model = keras.Sequential([
    keras.Input(shape=(6,)),
    keras.layers.Dense(args.units, activation=args.activation),
    keras.layers.Dropout(args.dropout),
    keras.layers.Dense(1),
], name="mlp_" + args.activation)
print(model.name, model.count_params(), [layer.name for layer in model.layers])
