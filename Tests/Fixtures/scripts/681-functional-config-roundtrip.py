# A functional model with two inputs, a layer used twice, a nested model called with
# training=False and two outputs: its config, its JSON text, and models made again from both.
import json
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

image_in = keras.Input(shape=(16, 16, 3), name="image")
x = layers.Conv2D(8, 3, activation="relu", padding="same")(image_in)
x = layers.BatchNormalization()(x)
x = layers.MaxPooling2D()(x)
x = layers.GlobalAveragePooling2D()(x)
backbone = keras.Model(image_in, x, name="backbone")

left = keras.Input(shape=(16, 16, 3), name="left")
right = keras.Input(shape=(16, 16, 3), name="right")
meta = keras.Input(shape=(5,), name="meta")
projector = layers.Dense(6, activation="tanh", name="projector")
a = projector(backbone(left))
b = projector(backbone(right, training=False))
merged = layers.Concatenate(name="joined")([a, b, meta])
hidden = layers.Dropout(0.3)(layers.Dense(12, activation="relu")(merged))
same = layers.Dense(1, activation="sigmoid", name="same")(hidden)
score = layers.Add(name="score")([layers.Dense(1)(hidden), layers.Dense(1)(meta)])
model = keras.Model(inputs=[left, right, meta], outputs=[same, score], name="pair_scorer")

config = model.get_config()
print(list(config))
print([entry["class_name"] for entry in config["layers"]])
print([entry["name"] for entry in config["layers"]])
for entry in config["layers"]:
    print(entry["name"], entry["inbound_nodes"])
print(config["input_layers"])
print(config["output_layers"])
nested = [e for e in config["layers"] if e["class_name"] == "Functional"][0]
print(nested["module"], nested["registered_name"], nested.get("build_config"))
print(nested["config"]["input_layers"], nested["config"]["output_layers"])
print(config["layers"][-1])

text = model.to_json()
document = json.loads(text)
print(list(document))
print(document["class_name"], len(text) == len(json.dumps(document)))
print(json.dumps(document["config"]["layers"][0]))

again = keras.Model.from_config(model.get_config())
again.summary()
print(again.name, [t.shape for t in again.outputs])
loaded = keras.models.model_from_json(text)
loaded.summary()
print(loaded.count_params() == model.count_params(), len(config))
