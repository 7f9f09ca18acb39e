# A tensor made by tf.cast (or tf.ones, tf.reshape) before any tape can still be watched; an
# optimizer takes a plain list of (gradient, variable) pairs; and a loss function decorated with
# @tf.function goes to minimize as it is (tf-keras; Keras 3's optimizers have no minimize).
import tensorflow as tf

start = tf.cast(0.5, dtype=tf.float32)
grid = tf.reshape(tf.ones([4]) * 0.25, [2, 2])
with tf.GradientTape(persistent=True) as tape:
    tape.watch([start, grid])
    curve = 3.0 * tf.pow(start, 2) - 2.0 * start
    total = tf.reduce_sum(grid * grid)
print(tape.gradient(curve, start), tape.gradient(total, grid).numpy())

x = tf.Variable(-1.5)
sgd = tf.keras.optimizers.SGD(learning_rate=0.05)
for _ in range(40):
    with tf.GradientTape() as tape:
        y = tf.pow(x, 2) - 4.0 * x + 1.0
    sgd.apply_gradients([(tape.gradient(y, x), x)])
print(x.numpy(), y.numpy())


@tf.function
def parabola():
    return tf.pow(x - 0.5, 2) + 0.25


for _ in range(25):
    sgd.minimize(parabola, [x])
print(x.numpy(), parabola().numpy())
