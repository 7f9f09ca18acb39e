# A variable used in several operations gets one gradient per use; TensorFlow's tape runs the
# operations backwards in the order they become ready (first ready, first run), reads the variable
# anew for every use, and adds a tensor's gradients up in the order they arrived. With terms of
# very different sizes the order shows in the last bits, and it carries through training steps.
import tensorflow as tf

w = tf.Variable(1.0)
k = tf.constant(1.0)


def grad_of(loss_fn, source=w):
    with tf.GradientTape() as tape:
        tape.watch(k)
        loss = loss_fn()
    return tape.gradient(loss, source).numpy().item()


print(grad_of(lambda: w * 1.0 + w * -1.0 + w * 1e-8))
print(grad_of(lambda: w * 1e-8 + w * 1.0 + w * -1.0))
print(grad_of(lambda: w * -1.0 + w * 1e-8 + w * 1.0))
print(grad_of(lambda: tf.stack([w * 1.0, w * -1.0, w * 1e-8])))
print(grad_of(lambda: w * 3e-8 + (w * 1.0 + (w * 1e-8 + w * -1.0))))
print(grad_of(lambda: k * 1.0 + k * 1e-8 + (k * -1.0 + w), source=k))
# A list of traced tensors is packed on the tape (TensorFlow's Pack), so its items get gradients.
print(grad_of(lambda: tf.reduce_sum([w * 1.0, w * 1e-8, w * -1.0])), grad_of(lambda: tf.reduce_mean((k, 3.0 * k)), source=k))

xs = [0.5, 1.0, 1.5, 2.0, 2.5, 3.0]
ys = [2.0, 3.0, 4.0, 5.0, 6.0, 7.0]
slope = tf.Variable(0.3)
bias = tf.Variable([0.2, -0.1])
adam = tf.keras.optimizers.Adam(learning_rate=0.1)
for step in range(30):
    with tf.GradientTape() as tape:
        guess = tf.stack([x * slope for x in xs]) + tf.reduce_mean(bias)
        loss = tf.keras.losses.mse(ys, guess)
    grads = tape.gradient(loss, [slope, bias])
    adam.apply_gradients(zip(grads, [slope, bias]))
    if step % 6 == 5:
        print(step, repr(grads[0].numpy().item()), slope.numpy(), bias.numpy())
