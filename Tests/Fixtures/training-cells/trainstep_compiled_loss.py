import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

# The "customizing fit" pattern: a functional model whose class brings its own train_step, which
# uses what compile() was given (compiled_loss, compiled_metrics, optimizer).
i = np.arange(30 * 5)
x = (((-1.0) ** i) * np.exp(-i * 0.02) + np.exp(-i * 0.11)).astype("float32").reshape(30, 5)
y = (x[:, :1] * 0.7 - x[:, 1:2] + 0.1).astype("float32")


class CustomModel(keras.Model):
    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred, regularization_losses=self.losses)
        gradients = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_variables))
        self.compiled_metrics.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}


inputs = keras.Input(shape=(5,))
hidden = layers.Dense(6, activation="relu", kernel_initializer=keras.initializers.Constant(0.2))(inputs)
outputs = layers.Dense(1, kernel_initializer=keras.initializers.Constant(-0.1))(hidden)
model = CustomModel(inputs, outputs)
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05, momentum=0.5), loss="mse", metrics=["mae"])
history = model.fit(x, y, batch_size=8, epochs=3, shuffle=False, verbose=2)
print(history.history)
print([m.name for m in model.metrics])
print(model.evaluate(x, y, batch_size=8, verbose=2))
print(np.round(model.predict(x[:3], verbose=0), 4))
print(np.round(model.get_weights()[2].flatten(), 4))
