# A training script driven by argparse, run without its required option: argparse prints its
# usage line (wrapped to the terminal width, optionals before positionals) and "PROG: error:
# MESSAGE" on standard error and exits with status 2. Caught, the SystemExit carries code 2.
import argparse

from tensorflow import keras

parser = argparse.ArgumentParser(description="Entrena una red pequeña")
parser.add_argument("config", help="archivo de configuración")
parser.add_argument("--data_dir", type=str, required=True)
parser.add_argument("--epochs", "-e", type=int, default=12)
parser.add_argument("--optimizer", choices=["adam", "sgd"], default="adam")
parser.add_argument("--capas", nargs="+", type=int, metavar="N")
parser.add_argument("--semilla", nargs="?", const=1, type=int)
parser.add_argument("--verbose", action="store_true")

for argv in (["cfg.yaml", "--data_dir", "d", "--optimizer", "rmsprop"], ["cfg.yaml", "--data_dir", "d", "-e", "x"]):
    try:
        parser.parse_args(argv)
    except SystemExit as salida:
        print("salida", salida.code)

args = parser.parse_args(["base.yaml", "--data_dir", "datos", "--capas", "32", "16"])
model = keras.Sequential([keras.Input((4,))] + [keras.layers.Dense(n) for n in args.capas])
print(args.epochs, args.optimizer, model.count_params())
parser.parse_args([])
