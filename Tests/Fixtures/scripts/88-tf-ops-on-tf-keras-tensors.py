# TensorFlow functions on tf_keras tensors in a script that also uses tf.keras.
import tensorflow as tf
import tf_keras

inputs = tf_keras.Input(shape=(6,))
hidden = tf_keras.layers.Dense(4)(inputs)
hidden = tf.nn.relu(hidden) * 2.0
outputs = tf_keras.layers.Dense(1)(hidden)
model = tf_keras.Model(inputs, outputs)
model.summary()

other = tf.keras.Sequential([tf.keras.Input(shape=(6,)), tf.keras.layers.Dense(1)])
for layer in [model.layers[1], other.layers[0]]:
    print(layer.name, layer.__class__.__name__, type(layer).__name__)
print(model.__class__.__name__, other.__class__.__name__)
