# A training script that stops itself: `raise SystemExit(code)` ends the run with that status,
# as `sys.exit(code)` does; a SystemExit caught on the way is an ordinary exception.
from tensorflow import keras

model = keras.Sequential([keras.Input(shape=(6,)), keras.layers.Dense(3, name="head")])
print("params:", model.count_params())

try:
    raise SystemExit("not now")
except SystemExit as stop:
    print("caught:", stop, repr(stop), stop.args)

if model.count_params() > 10:
    print("too many parameters for this exercise")
    raise SystemExit(3)
print("never printed")
