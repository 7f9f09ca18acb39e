# isinstance across the packages, and the versions.
# %%
import tensorflow as tf
import tf_keras
a = tf.keras.layers.Dense(2)
b = tf_keras.layers.Dense(2)
print(isinstance(a, tf.keras.layers.Dense), isinstance(b, tf.keras.layers.Dense))
print(isinstance(a, tf_keras.layers.Layer), isinstance(b, tf_keras.layers.Layer))
print(tf_keras.__version__, tf.__version__)
