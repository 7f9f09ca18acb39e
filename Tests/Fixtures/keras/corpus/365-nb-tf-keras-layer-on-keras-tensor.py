# A tf_keras layer called on a tf.keras tensor in a functional model.
# %%
import tensorflow as tf
import tf_keras
inputs = tf.keras.Input(shape=(8, 8, 3))
x = tf.keras.layers.Conv2D(4, 3)(inputs)

# %%
x = tf_keras.layers.Flatten()(x)
outputs = tf.keras.layers.Dense(2)(x)

# %%
model = tf.keras.Model(inputs, tf.keras.layers.Dense(2)(tf.keras.layers.Flatten()(inputs)))
model.summary()
