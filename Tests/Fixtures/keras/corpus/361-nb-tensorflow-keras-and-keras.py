# `from tensorflow import keras` and `import keras` in one notebook: the same Keras.
# %%
from tensorflow import keras
m1 = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(2)])
print(m1.name, m1.layers[0].name)

# %%
import keras
m2 = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(2)])
print(m2.name, m2.layers[0].name)
m2.summary()

# %%
import tensorflow as tf
m3 = tf.keras.Sequential([tf.keras.Input(shape=(4,)), tf.keras.layers.Dense(2)])
print(m3.name, m3.layers[0].name)
