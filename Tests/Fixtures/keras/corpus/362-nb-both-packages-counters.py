# Layers of both packages alternate: each package counts its own names.
# %%
import tensorflow as tf
import tf_keras
print(tf.keras.layers.Dense(3).name, tf_keras.layers.Dense(3).name)
print(tf.keras.layers.Dense(3).name, tf_keras.layers.Dense(3).name)
print(tf.keras.layers.Conv2D(3, 3).name, tf_keras.layers.Conv2D(3, 3).name)

# %%
a = tf.keras.Sequential([tf.keras.Input(shape=(5,)), tf.keras.layers.Dense(3)])
b = tf_keras.Sequential([tf_keras.Input(shape=(5,)), tf_keras.layers.Dense(3)])
print(a.name, b.name, a.layers[0].name, b.layers[0].name)
a.summary()
b.summary()
