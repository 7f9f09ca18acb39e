# TensorFlow 1's session set-up at the top of a TensorFlow 2 script: the options and the session
# are made and left alone, and eager code runs as without them. The protocol buffers take keyword
# fields only. (A tape's gradient with respect to y and to x, which y was made from, goes on past
# y to x.)
import tensorflow as tf

options = tf.compat.v1.GPUOptions(per_process_gpu_memory_fraction=0.3, allow_growth=True)
config = tf.compat.v1.ConfigProto(gpu_options=options, log_device_placement=False)
session = tf.compat.v1.Session(config=config)
print(type(options).__name__, type(config).__name__, type(session).__name__)
try:
    tf.compat.v1.ConfigProto(options)
except TypeError as error:
    print("TypeError:", error)

x = tf.constant(2.0)
with tf.GradientTape(persistent=True) as tape:
    tape.watch(x)
    y = x * x + 3.0 * x
    z = y * y
print(tape.gradient(y, x), tape.gradient(z, x), tape.gradient(z, y))
print(tape.gradient(z, [x, y]))

# No sources, no gradients; and no pairs to apply: tf-keras does nothing, Keras 3 cannot unpack
# them (a Keras 3 model does not track the tf.Variables it holds, so its variable list is empty).
with tf.GradientTape() as tape:
    tape.watch(x)
    loss = x * 3.0
print(tape.gradient(loss, []))
optimizer = tf.keras.optimizers.SGD(learning_rate=0.1)
try:
    optimizer.apply_gradients(zip([], []))
    print("nothing applied")
except ValueError as error:
    print("ValueError:", error)
