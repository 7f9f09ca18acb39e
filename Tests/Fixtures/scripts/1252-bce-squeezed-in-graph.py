# tf-keras' loss objects squeeze predictions of shape (n, 1) against labels of shape (n,): the
# squeezed tensor carries no logits, so a BinaryCrossentropy in a tf.function takes the log of
# the clipped probabilities, log(p + eps) and log(1 - p + eps), and Grappler folds the second
# into log((1 + eps) - p). With labels of shape (n, 1) nothing is squeezed and the sigmoid's
# logits are read. Inside the tf.function a Dense layer's MatMul and BiasAdd run fused, which
# a single unit shows in its last digits.
import numpy as np
import tensorflow as tf

tf.keras.utils.set_random_seed(5)
x = np.cos(np.arange(300 * 12, dtype="float32") * 0.41).reshape(300, 12)
flat = (np.sin(np.arange(300) * 0.7) > 0).astype("float32")
for labels in [flat, flat.reshape(300, 1)]:
    model = tf.keras.Sequential(
        [
            tf.keras.Input((12,)),
            tf.keras.layers.Dense(16, activation="relu"),
            tf.keras.layers.Dense(1, activation="sigmoid"),
        ]
    )
    bce = tf.keras.losses.BinaryCrossentropy()
    adam = tf.keras.optimizers.Adam()

    @tf.function
    def step(xb, yb):
        with tf.GradientTape() as tape:
            loss = bce(yb, model(xb, training=True))
        grads = tape.gradient(loss, model.trainable_variables)
        adam.apply_gradients(zip(grads, model.trainable_variables))
        return loss

    print(labels.shape, [float(step(x[i:i + 32], labels[i:i + 32])) for i in range(0, 300, 32)])
    print(model.predict(x[:3], verbose=0).ravel().tolist())
