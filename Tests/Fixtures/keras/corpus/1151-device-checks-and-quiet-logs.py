# The set-up lines at the top of many tutorials: which devices TensorFlow sees, versions, and
# calls that only quieten TensorFlow's log. The reference machine has no GPU.
import logging

import numpy as np
import tensorflow as tf
from tensorflow import keras

tf.get_logger().setLevel("ERROR")
tf.autograph.set_verbosity(1)
tf.compat.v1.logging.set_verbosity(tf.compat.v1.logging.WARN)
logging.getLogger("tensorflow").setLevel(logging.WARNING)
print("levels:", tf.compat.v1.logging.WARN, tf.compat.v1.logging.FATAL)

accelerators = tf.config.list_physical_devices("GPU")
if not accelerators:
    print("Training on the processor; this takes a while.")
for accelerator in accelerators:
    tf.config.experimental.set_memory_growth(accelerator, True)
print("accelerators:", len(tf.config.experimental.list_physical_devices("GPU")))
everything = tf.config.list_physical_devices()
print(everything)
print(everything[0].name, everything[0].device_type)
print(tf.config.list_logical_devices("CPU"), tf.config.get_visible_devices("GPU"))
print("eager:", tf.executing_eagerly(), "cuda build:", tf.test.is_built_with_cuda())
print("device name: %r" % tf.test.gpu_device_name())
print("numpy major:", np.__version__.split(".")[0])
tf.config.experimental.enable_op_determinism()
tf.config.run_functions_eagerly(False)

# %%
device = "GPU" if tf.config.list_physical_devices("GPU") else "CPU"
width = 32 if device == "GPU" else 8
model = keras.Sequential(
    [keras.Input((12,)), keras.layers.Dense(width, activation="relu"), keras.layers.Dense(2)],
    name=f"small_on_{device.lower()}",
)
model.summary()
