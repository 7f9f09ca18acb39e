# A course file ends with `model.fit()` after compiling: with neither x nor y both Kerases find no
# data adapter for None and fail popping one from an empty set, after everything printed before.
from tensorflow import keras

model = keras.Sequential(
    [keras.Input((10,)), keras.layers.Dense(8, activation="relu"), keras.layers.Dense(2)]
)
model.compile(optimizer="sgd", loss="mse", metrics=["mae"])
print(model.count_params(), model.optimizer.__class__.__name__)
try:
    model.evaluate(verbose=0)
except KeyError as error:
    print("evaluate:", repr(error))
model.fit(epochs=3, verbose=0)
