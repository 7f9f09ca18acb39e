# A misspelled model attribute is CPython's AttributeError with its "Did you mean" among the
# names the model really has (a name only ConvBook lacks would be refused instead).
from tensorflow import keras

inputs = keras.Input(shape=(8,))
outputs = keras.layers.Dense(2)(keras.layers.Dense(4, activation="relu")(inputs))
model = keras.Model(inputs, outputs)
for name in ("layers", "summery", "lr"):
    print(name, hasattr(model, name))
first = model.layer[1]
