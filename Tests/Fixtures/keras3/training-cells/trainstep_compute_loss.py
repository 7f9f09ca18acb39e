import numpy as np
import tensorflow as tf
import keras
from keras import layers

# Keras 3's custom train_step: compute_loss() with what compile() was given, and the loss
# tracker Keras puts first in model.metrics.
i = np.arange(30 * 5)
x = (((-1.0) ** i) * np.exp(-i * 0.02) + np.exp(-i * 0.11)).astype("float32").reshape(30, 5)
y = (x[:, :1] * 0.7 - x[:, 1:2] + 0.1).astype("float32")


class CustomModel(keras.Model):
    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compute_loss(y=y, y_pred=y_pred)
        gradients = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_variables))
        for metric in self.metrics:
            if metric.name == "loss":
                metric.update_state(loss)
        return {m.name: m.result() for m in self.metrics}


inputs = keras.Input(shape=(5,))
hidden = layers.Dense(6, activation="relu", kernel_initializer=keras.initializers.Constant(0.2))(inputs)
outputs = layers.Dense(1, kernel_initializer=keras.initializers.Constant(-0.1))(hidden)
model = CustomModel(inputs, outputs)
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05, momentum=0.5), loss="mse")
history = model.fit(x, y, batch_size=8, epochs=3, shuffle=False, verbose=2)
print(history.history)
print([m.name for m in model.metrics])
print(np.round(model.predict(x[:3], verbose=0), 4))
print(np.round(model.get_weights()[2].flatten(), 4))
