# GPU setup lines copied between projects: the calls TensorFlow 2 has, and two it does not.
import tensorflow as tf

gpus = tf.config.list_physical_devices("GPU")
print("GPUs:", gpus, len(tf.config.list_physical_devices("CPU")))
for gpu in gpus:
    tf.config.experimental.set_memory_growth(gpu, True)

try:
    tf.config.set_memory_growth(gpus[0], True)
except AttributeError as error:
    print("AttributeError:", error)

tf.config.gpu.set_per_process_memory_growth(True)
