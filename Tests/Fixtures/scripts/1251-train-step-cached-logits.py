# Keras' softmax and sigmoid keep their input on the tensor they return (`_keras_logits`) when
# they run in a graph, and a crossentropy given that tensor reads those logits instead of the
# probabilities. A model's own train_step under fit is such a graph, and so is a tf.function:
# the loss there is the logits formula, and the gradient starts at the logits, as in a plain
# compile/fit.
import numpy as np
import tensorflow as tf
import keras

keras.utils.set_random_seed(11)
images = np.cos(np.arange(192 * 36, dtype="float32") * 0.53).reshape(192, 36)
digits = (np.arange(192) * 5) % 7


class OwnStep(keras.Model):
    def __init__(self):
        super().__init__()
        self.hidden = keras.layers.Dense(20, activation="relu")
        self.scores = keras.layers.Dense(7, activation="softmax")
        self.crossentropy = keras.losses.SparseCategoricalCrossentropy()
        self.running = keras.metrics.Mean(name="loss")

    def call(self, x):
        return self.scores(self.hidden(x))

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            probabilities = self(x, training=True)
            loss = self.crossentropy(y, probabilities)
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        self.running.update_state(loss)
        return {"loss": self.running.result()}


stepper = OwnStep()
stepper.compile(optimizer=keras.optimizers.SGD(0.2))
history = stepper.fit(images, digits, epochs=3, batch_size=48, verbose=0)
print([float(v) for v in history.history["loss"]])
print(stepper.predict(images[:2], verbose=0).tolist())

keras.utils.set_random_seed(12)
onehot = keras.utils.to_categorical(digits, 7)
plain = keras.Sequential(
    [keras.Input((36,)), keras.layers.Dense(16, activation="tanh"), keras.layers.Dense(7, activation="softmax")]
)
adam = keras.optimizers.Adam(0.01)


def update(x, y):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(keras.losses.categorical_crossentropy(y, plain(x, training=True)))
    grads = tape.gradient(loss, plain.trainable_variables)
    adam.apply_gradients(zip(grads, plain.trainable_variables))
    return loss


in_graph = tf.function(update)
for epoch in range(2):
    for start in range(0, 192, 64):
        print(epoch, float(in_graph(images[start:start + 64], onehot[start:start + 64])))
print(plain.predict(images[:2], verbose=0).tolist())
