# clear_session of each package in a notebook that uses both.
# %%
import tensorflow as tf
import tf_keras
print(tf.keras.layers.Dense(1).name, tf_keras.layers.Dense(1).name)
print(tf.keras.layers.Dense(1).name, tf_keras.layers.Dense(1).name)

# %%
tf_keras.backend.clear_session()
print(tf.keras.layers.Dense(1).name, tf_keras.layers.Dense(1).name)

# %%
tf.keras.backend.clear_session()
print(tf.keras.layers.Dense(1).name, tf_keras.layers.Dense(1).name)
