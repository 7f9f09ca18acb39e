# A tf_keras merge function given a tf.keras tensor.
import tensorflow as tf
import tf_keras

left = tf.keras.Input(shape=(8,))
right = tf_keras.Input(shape=(8,))
right = tf_keras.layers.Dense(8)(right)
merged = tf_keras.layers.add([right, left])
print(merged.shape)
