# A functional model of each package, one nested in a Sequential of its own package.
# %%
import tensorflow as tf
import tf_keras
u = tf_keras.Input(shape=(16,))
encoder = tf_keras.Model(u, tf_keras.layers.Dense(4, activation="relu")(u))
legacy = tf_keras.Sequential([encoder, tf_keras.layers.Dense(2)])
legacy.summary()
print([l.name for l in legacy.layers], encoder.name)

# %%
x = tf.keras.Input(shape=(16,))
encoder3 = tf.keras.Model(x, tf.keras.layers.Dense(4, activation="relu")(x))
modern = tf.keras.Sequential([encoder3, tf.keras.layers.Dense(2)])
modern.summary()
print([l.name for l in modern.layers], encoder3.name)
