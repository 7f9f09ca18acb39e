# Fitting a line y = 2x + 1 by hand: two tf.Variables, a loss written as a function of no
# arguments, and the optimizer's own update. apply_gradients takes the variables in both Kerases;
# tf-keras' minimize(loss, var_list) runs the loss under its own tape first, while Keras 3's
# optimizers have no minimize at all (AttributeError after the lines printed before).
import tensorflow as tf

xs = [0.5, 1.0, 1.5, 2.0, 2.5, 3.0]
ys = [2.0, 3.0, 4.0, 5.0, 6.0, 7.0]

slope = tf.Variable(0.3)
bias = tf.Variable([0.2, -0.1])


def loss_value():
    guess = xs * slope + tf.reduce_mean(bias)
    return tf.keras.losses.mse(ys, guess)


sgd = tf.keras.optimizers.SGD(learning_rate=0.05, momentum=0.5)
for step in range(4):
    with tf.GradientTape() as tape:
        current = loss_value()
    grads = tape.gradient(current, [slope, bias])
    sgd.apply_gradients(zip(grads, [slope, bias]))
    print(step, round(float(current), 4), slope.numpy(), bias.numpy())

adam = tf.keras.optimizers.Adam(learning_rate=0.1)
for step in range(60):
    result = adam.minimize(loss_value, var_list=[slope, bias])
    if step % 10 == 9:
        print("adam", step, slope.numpy(), bias.numpy(), result)

rms = tf.keras.optimizers.RMSprop(0.01)
for step in range(5):
    rms.minimize(lambda: loss_value(), var_list=lambda: [bias])
print("rms", slope.numpy(), bias.numpy())
