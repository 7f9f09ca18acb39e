# TensorFlow 1 code run through the compatibility module prints the version first; the version
# module and the version string are the same as TensorFlow's own; a name the module lacks fails.
import tensorflow.compat.v1 as tf
import tensorflow as tf2

print(tf.version.VERSION)
print(tf.__version__)
print(tf.__version__ == tf2.__version__, tf2.compat.v2.version.VERSION)
model = tf2.keras.Sequential([tf2.keras.layers.Dense(2, input_shape=(3,))])
print(model.output_shape)
print(tf2.compat.v2.__version__.split("."))
print(tf.version.RELEASE)
