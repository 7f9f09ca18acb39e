# A Sequential model's config and JSON text, and models made again from them.
import json
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers, regularizers

model = keras.Sequential([
    keras.Input(shape=(12, 12, 1)),
    layers.Conv2D(6, (3, 3), activation="relu", kernel_initializer="he_normal",
                  kernel_regularizer=regularizers.l2(1e-3)),
    layers.BatchNormalization(),
    layers.MaxPooling2D(pool_size=2),
    layers.Dropout(0.25),
    layers.Flatten(),
    layers.Dense(16, activation="tanh", bias_initializer="ones"),
    layers.Dense(3, activation="softmax", name="scores"),
], name="small_cnn")
config = model.get_config()
print(sorted(config.keys()))
print([entry["class_name"] for entry in config["layers"]])
print(config["layers"][0])
print(config["layers"][1]["config"]["kernel_regularizer"])
print([entry.get("build_config") for entry in config["layers"]])

text = model.to_json()
print(len(json.loads(text)["config"]["layers"]), text[:60])
print(model.to_json(indent=1).count("\n"))

again = keras.Sequential.from_config(config)
again.summary()
print(again.name, [layer.name for layer in again.layers], again.count_params() == model.count_params())
loaded = keras.models.model_from_json(text)
print(loaded.name, loaded.layers[0].kernel_size, loaded.layers[-1].activation.__name__)
print(loaded.layers[3].rate, loaded.get_layer("scores").units, len(loaded.weights))
print(keras.layers.Dense(2).name)
