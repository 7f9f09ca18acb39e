# clear_session in a script that uses both packages.
import tensorflow as tf
import tf_keras

print(tf.keras.layers.Dense(1).name, tf_keras.layers.Dense(1).name)
print(tf.keras.layers.Dense(1).name, tf_keras.layers.Dense(1).name)
tf_keras.backend.clear_session()
print(tf.keras.layers.Dense(1).name, tf_keras.layers.Dense(1).name)
tf.keras.backend.clear_session()
print(tf.keras.layers.Dense(1).name, tf_keras.layers.Dense(1).name)
