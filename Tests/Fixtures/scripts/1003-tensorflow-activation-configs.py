# A layer given one of TensorFlow's functions as its activation keeps that function: its config
# names it by the function's own __name__, a plain string where Keras' activations module has that
# name, else the config of a function Keras does not know (tf-keras writes softmax_v2 as softmax).
import json

import tensorflow as tf
from tensorflow import keras

inputs = keras.Input((4,))
x = keras.layers.Dense(8, activation=tf.nn.relu, name="hidden")(inputs)
x = keras.layers.Dense(8, activation=tf.nn.log_softmax, name="log_probs")(x)
x = keras.layers.Activation(tf.nn.silu, name="smooth")(x)
x = keras.layers.Dense(3, activation=tf.nn.sigmoid, name="gate")(x)
outputs = keras.layers.Dense(3, activation=tf.nn.softmax, name="probs")(x)
model = keras.Model(inputs, outputs, name="tf_activations")

for layer in model.layers[1:]:
    print(layer.name, layer.get_config()["activation"], layer.activation.__name__)
print(json.loads(model.to_json())["config"]["layers"][-1]["config"]["activation"])
print(keras.activations.serialize(tf.nn.softmax), keras.activations.serialize(tf.nn.tanh))
print(keras.layers.Dense(2, activation="softmax").get_config()["activation"])
