# A training log lines up its columns with tabs and expands them before printing.
import tensorflow as tf
from tensorflow import keras

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3), keras.layers.Dense(1)])
for layer in model.layers:
    print(f"{layer.name}\t{layer.count_params()}\tparams".expandtabs(12))
print(repr("a\tbc\td\n\tx\r\ty".expandtabs(3)), repr("\t".expandtabs(0)), repr("x\ty".expandtabs(-2)))
print(repr("a\tb".expandtabs(tabsize=4)), repr("a\tb".expandtabs(True)), repr("a\tb".expandtabs()))
for arguments in [("x",), (2, 3)]:
    try:
        "a\tb".expandtabs(*arguments)
    except TypeError as error:
        print(error)
try:
    "a\tb".expandtabs(size=2)
except TypeError as error:
    print(error)
"a\tb".expandtabs(2.0)
