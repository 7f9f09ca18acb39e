# Which package made which layer.
import tensorflow as tf
import tf_keras

layers = [tf.keras.layers.Dense(2), tf_keras.layers.Dense(2), tf.keras.layers.Conv2D(2, 3)]
for layer in layers:
    print(layer.name, isinstance(layer, tf.keras.layers.Layer), isinstance(layer, tf_keras.layers.Layer),
          isinstance(layer, tf_keras.layers.Dense))
print(tf.keras.layers.Dense is tf_keras.layers.Dense)
print(isinstance(tf_keras.Sequential(), tf.keras.Model), isinstance(tf_keras.Sequential(), tf_keras.Model))
