# Notebook session: keras.backend.clear_session() resets the name counters.
import tensorflow as tf
from tensorflow import keras

# %%
m = keras.Sequential([keras.layers.Dense(3, input_shape=(2,)), keras.layers.Dense(3)])
m = keras.Sequential([keras.layers.Dense(3, input_shape=(2,)), keras.layers.Dense(3)])
print(m.name, [l.name for l in m.layers])

# %%
keras.backend.clear_session()
m = keras.Sequential([keras.layers.Dense(3, input_shape=(2,)), keras.layers.Dense(3)])
print(m.name, [l.name for l in m.layers])

# %%
tf.keras.backend.clear_session()
m = tf.keras.Sequential([tf.keras.layers.Dense(3, input_shape=(2,))])
m.summary()
