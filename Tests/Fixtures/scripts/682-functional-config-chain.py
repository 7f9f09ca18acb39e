# Configs of simpler functional graphs: a chain from one input, an input of integers into an
# embedding, a model inside a model inside a Sequential, and a trainable flag turned off.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(20,), dtype="int32", name="tokens")
x = layers.Embedding(50, 8)(inputs)
x = layers.Flatten()(x)
x = layers.Dense(4, activation="softmax")(x)
chain = keras.Model(inputs, x, name="token_chain")
config = chain.get_config()
print(config["input_layers"], config["output_layers"])
for entry in config["layers"]:
    print(entry["class_name"], entry["name"], entry["inbound_nodes"], entry.get("build_config"))
print(config["layers"][0]["config"])

inner_in = keras.Input(shape=(6,))
inner = keras.Model(inner_in, layers.Dense(3, name="inner_dense")(inner_in), name="inner")
stack = keras.Sequential([keras.Input(shape=(6,)), inner, layers.Dense(2)], name="stack")
outer_in = keras.Input(shape=(6,), name="outer_in")
outer = keras.Model(outer_in, stack(outer_in), name="outer")
outer.trainable = False
outer_config = outer.get_config()
print(outer_config["name"], outer_config["trainable"])
for entry in outer_config["layers"]:
    print(entry["class_name"], entry["module"], entry["inbound_nodes"])
print([e["class_name"] for e in outer_config["layers"][1]["config"]["layers"]])
print(outer_config["output_layers"])
rebuilt = keras.Model.from_config(outer.get_config())
rebuilt.summary()
print(rebuilt.trainable, [layer.name for layer in rebuilt.layers])
again = keras.models.model_from_json(chain.to_json())
again.summary()
print(type(again).__name__, again.input_shape, again.inputs[0].dtype)
