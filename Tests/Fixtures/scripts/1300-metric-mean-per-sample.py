# A Mean metric given a batch of vectors: tf-keras adds up every value (tf.reduce_sum's order)
# and counts the values; Keras 3 first takes each sample's mean over its other axes, then adds
# those up and counts the samples. For softmax rows, whose means are a quarter give or take an
# ulp, Keras 3's total lands on a whole number where a running sum of the values drifts. Keras
# 3's compiled_metrics.update_state hands the predictions to the loss tracker (a Mean), so a
# custom train_step that reports self.metrics prints that mean as its "loss".
import numpy as np
import tensorflow as tf

tf.keras.utils.set_random_seed(3)
grid = np.cos(np.arange(240 * 9, dtype="float32") * 0.53).reshape(240, 9) * 2.7 + 0.4
share = np.sin(np.arange(240, dtype="float32") * 0.19) ** 2

for layout in [(240, 9), (2160,), (80, 27), (24, 10, 9), (2160, 1)]:
    values = grid.reshape(layout)
    average = tf.keras.metrics.Mean()
    average.update_state(values)
    running = tf.keras.metrics.Sum()
    running.update_state(values)
    scaled = tf.keras.metrics.Mean()
    scaled.update_state(values, sample_weight=0.7)
    print(layout, float(average.result()), float(running.result()), float(scaled.result()))

weighted = tf.keras.metrics.Mean()
weighted.update_state(grid[:, 3], sample_weight=share)
weighted.update_state(grid[:, 4:5], sample_weight=share)
print(float(weighted.result()))
elementwise = tf.keras.metrics.Mean()
elementwise.update_state(grid, sample_weight=np.abs(grid) / 5)
total = tf.keras.metrics.Sum()
total.update_state(grid, sample_weight=np.abs(grid) / 5)
print(float(elementwise.result()), float(total.result()))

net = tf.keras.Sequential(
    [
        tf.keras.Input((9,)),
        tf.keras.layers.Dense(10, activation="tanh"),
        tf.keras.layers.Dense(4, activation="softmax"),
    ]
)
tracker = tf.keras.metrics.Mean()
for start in range(0, 240, 48):
    tracker.update_state(net(grid[start : start + 48]))
    print(float(tracker.result()))


class Chooser(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.inner = tf.keras.layers.Dense(8, activation="tanh")
        self.head = tf.keras.layers.Dense(4, activation="softmax")

    def call(self, inputs):
        return self.head(self.inner(inputs))

    def train_step(self, data):
        inputs, targets = data
        with tf.GradientTape() as tape:
            guesses = self(inputs, training=True)
            loss = self.compiled_loss(targets, guesses)
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        self.compiled_metrics.update_state(targets, guesses)
        return {m.name: m.result() for m in self.metrics}


targets = tf.keras.utils.to_categorical(np.arange(240) * 5 % 4, 4)
chooser = Chooser()
chooser.compile(optimizer=tf.keras.optimizers.SGD(0.2), loss="categorical_crossentropy", metrics=["accuracy"])
history = chooser.fit(grid, targets, epochs=3, batch_size=48, verbose=0)
print({key: [float(v) for v in values] for key, values in history.history.items()})
