# A float32 MatMul with one output column (a Dense(1) head, or tf.matmul by a column) sums each
# row as Eigen's matrix-vector product does (products rounded, packets of 8 in lanes, the last
# of an odd number of rows alone), eager or traced. Keras 3 adds a Dense bias with ops.add and
# runs no XLA on a processor alone, so its fit and a tape in a tf.function see that MatMul too:
# the sigmoid's cached logits, and so the crossentropy, carry its last digits.
import numpy as np
import tensorflow as tf

for rows, depth in [(2, 7), (3, 12), (5, 24), (9, 16), (17, 31), (32, 40), (33, 100)]:
    left = (np.sin(np.arange(rows * depth, dtype="float32") * 0.613 + rows) * 1.9).reshape(rows, depth)
    right = (np.cos(np.arange(depth, dtype="float32") * 0.291 + depth) * 0.8).reshape(depth, 1)
    print(rows, depth, tf.matmul(left, right).numpy().ravel().tolist())

tf.keras.utils.set_random_seed(9)
features = np.cos(np.arange(260 * 14, dtype="float32") * 0.37).reshape(260, 14)
flags = (np.sin(np.arange(260) * 0.9) > 0.1).astype("float32")


def head():
    return tf.keras.Sequential(
        [
            tf.keras.Input((14,)),
            tf.keras.layers.Dense(12, activation="relu"),
            tf.keras.layers.Dense(1, activation="sigmoid"),
        ]
    )


class Batches(tf.keras.callbacks.Callback):
    def on_train_batch_end(self, batch, logs=None):
        if batch % 3 == 0:
            print(batch, logs["loss"])


net = head()
# predict's last batch here is a single row: one product after another.
print(net.predict(features[:33], verbose=0).ravel().tolist()[-3:])
net.compile(optimizer="adam", loss="binary_crossentropy")
history = net.fit(features, flags, epochs=2, batch_size=26, shuffle=False, verbose=0, callbacks=[Batches()])
print(history.history["loss"])
print(net.predict(features[:4], verbose=0).ravel().tolist())

net = head()
crossentropy = tf.keras.losses.BinaryCrossentropy()
adam = tf.keras.optimizers.Adam(0.01)


@tf.function
def update(inputs, targets):
    with tf.GradientTape() as tape:
        loss = crossentropy(targets, net(inputs, training=True))
    adam.apply_gradients(zip(tape.gradient(loss, net.trainable_variables), net.trainable_variables))
    return loss


print([float(update(features[i : i + 26], flags[i : i + 26])) for i in range(0, 130, 26)])
