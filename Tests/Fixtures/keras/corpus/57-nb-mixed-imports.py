# Notebook session: every import style shares one set of name counters.
# %%
import tensorflow as tf
m1 = tf.keras.Sequential([tf.keras.layers.Dense(4, input_shape=(8,))])
print(m1.name, m1.layers[0].name)

# %%
from tensorflow import keras
m2 = keras.Sequential([keras.layers.Dense(4, input_shape=(8,))])
print(m2.name, m2.layers[0].name)

# %%
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential
m3 = Sequential([Dense(4, input_shape=(8,))])
print(m3.name, m3.layers[0].name)

# %%
import keras
m4 = keras.Sequential([keras.layers.Dense(4, input_shape=(8,))])
print(m4.name, m4.layers[0].name)

# %%
import tf_keras
m5 = tf_keras.Sequential([tf_keras.layers.Dense(4, input_shape=(8,))])
print(m5.name, m5.layers[0].name)
m5.summary()
