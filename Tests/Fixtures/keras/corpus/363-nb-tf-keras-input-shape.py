# `input_shape=` on a first layer in both packages: tf-keras names the hidden input after the layer.
# %%
import tensorflow as tf
import tf_keras
legacy = tf_keras.Sequential([tf_keras.layers.Dense(8, activation="relu", input_shape=(12,)), tf_keras.layers.Dense(1)])
legacy.summary()
print(legacy.input_shape, legacy.layers[0].output_shape)

# %%
modern = tf.keras.Sequential([tf.keras.layers.Dense(8, activation="relu", input_shape=(12,)), tf.keras.layers.Dense(1)])
modern.summary()
print(modern.input_shape, modern.output_shape)
