"""evaluate(return_dict=True) beside the list form, for one output with several metrics and for
a model with two named outputs: the keys come in each Keras' own order."""
import numpy as np
from tensorflow import keras

x = np.cos(np.arange(36, dtype="float32").reshape(12, 3))
y_class = (np.arange(12) % 3).astype("int32")
y_value = x.sum(axis=1).reshape(-1, 1)

model = keras.Sequential([
    keras.Input(shape=(3,)),
    keras.layers.Dense(3, activation="softmax", kernel_initializer=keras.initializers.Constant(0.1)),
])
model.compile(optimizer="sgd", loss="categorical_crossentropy", metrics=["mse", "accuracy"])
y_onehot = keras.utils.to_categorical(y_class, 3)
scores = model.evaluate(x, y_onehot, verbose=0, return_dict=True)
print(list(scores))
print({name: round(value, 4) for name, value in scores.items()})
print([round(v, 4) for v in model.evaluate(x, y_onehot, verbose=0)])

inputs = keras.Input(shape=(3,), name="features")
hidden = keras.layers.Dense(4, activation="relu", kernel_initializer=keras.initializers.Constant(0.3))(inputs)
label = keras.layers.Dense(3, activation="softmax", name="label", kernel_initializer="ones")(hidden)
value = keras.layers.Dense(1, name="value", kernel_initializer=keras.initializers.Constant(-0.2))(hidden)
two = keras.Model(inputs, [label, value])
two.compile(optimizer="adam", loss={"label": "sparse_categorical_crossentropy", "value": "mse"},
            metrics={"label": "accuracy", "value": "mae"})
scores = two.evaluate(x, {"label": y_class, "value": y_value}, verbose=0, return_dict=True)
print(list(scores))
print([round(scores[name], 4) for name in sorted(scores)])
