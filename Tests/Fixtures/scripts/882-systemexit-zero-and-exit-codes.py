# Statuses CPython keeps: `SystemExit(0)` / `SystemExit()` / `SystemExit(None)` end a script
# successfully; the process status is the int's low 8 bits (256 is 0).
from tensorflow import keras

model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])
for code in (None, 0, False):
    try:
        raise SystemExit(code)
    except SystemExit as stop:
        print(repr(stop), stop.args)
print("done with", model.count_params(), "parameters")
raise SystemExit(256)
