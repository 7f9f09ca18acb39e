# Activations passed as functions: tf.nn, keras.activations and layer objects.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(28, 28, 1))
x = layers.Conv2D(32, 3, activation=tf.nn.relu)(inputs)
x = layers.Conv2D(32, 3, activation=keras.activations.swish)(x)
x = layers.MaxPooling2D()(x)
x = layers.Conv2D(64, 3, activation=tf.nn.elu)(x)
x = layers.Activation(tf.nn.relu6)(x)
x = layers.Conv2D(64, 3, activation=keras.activations.selu, kernel_initializer="lecun_normal")(x)
x = layers.Activation(keras.activations.gelu)(x)
x = layers.Flatten()(x)
x = layers.Dense(128, activation=tf.nn.leaky_relu)(x)
x = layers.Dense(64, activation=keras.activations.tanh)(x)
outputs = layers.Dense(10, activation=tf.nn.softmax)(x)
model = keras.Model(inputs, outputs)
model.summary()
print([layer.name for layer in model.layers])
