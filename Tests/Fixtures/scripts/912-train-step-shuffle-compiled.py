# A model's own train_step under fit: the batches come in TensorFlow's shuffled order (the
# seeded script's), and the deprecated compiled_loss / compiled_metrics shims do what each
# Keras does (Keras 3's update every metric of self.metrics: its Mean loss tracker with the
# predictions alone).
import numpy as np
import tensorflow as tf
from tensorflow import keras


class Stepper(keras.Model):
    def train_step(self, data):
        features, labels = data
        with tf.GradientTape() as tape:
            guesses = self(features, training=True)
            loss = self.compiled_loss(labels, guesses)
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        self.compiled_metrics.update_state(labels, guesses)
        return {m.name: m.result() for m in self.metrics}


keras.utils.set_random_seed(8)
features = np.random.rand(30, 5).astype("float32")
labels = np.random.randint(0, 3, 30)
entry = keras.Input((5,))
hidden = keras.layers.Dense(6, activation="relu")(entry)
scores = keras.layers.Dense(3)(hidden)
model = Stepper(entry, scores)
model.compile(
    optimizer=keras.optimizers.SGD(0.5),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=["accuracy"],
)
history = model.fit(features, labels, batch_size=8, epochs=3, verbose=0)
for key, values in history.history.items():
    print(key, [round(v, 4) for v in values])
