# Casting inside a model (a preprocessing step kept in the graph) and reading static shapes.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(28, 28, 1), name="pixels")
print("input:", inputs.shape, inputs.dtype)
x = tf.cast(inputs, "float32")
x = x / 255.0
x = layers.Conv2D(8, 3, activation="relu")(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10)(x)
model = keras.Model(inputs, outputs)
model.summary()
print([layer.name for layer in model.layers])
print(type(model.layers[1]).__name__, model.layers[1].__class__.__name__)
