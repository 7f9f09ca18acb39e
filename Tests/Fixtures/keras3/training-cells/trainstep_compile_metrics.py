import numpy as np
import tensorflow as tf
import keras

# Keras 3's guide pattern: every metric of model.metrics updated in the step, the loss tracker
# with the loss and the compile_metrics container with the targets and predictions; the
# container's dict of results is flattened into the logs in its key's place.
x = (np.arange(24) / 23.0).reshape(12, 2).astype("float32")
y = (x[:, :1] * 2 - x[:, 1:]).astype("float32")


class Regressor(keras.Model):
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
            else:
                metric.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}


inputs = keras.Input((2,))
model = Regressor(inputs, keras.layers.Dense(1, kernel_initializer="ones")(inputs))
model.compile(optimizer="sgd", loss="mse", metrics=["mae"])
history = model.fit(x, y, batch_size=5, epochs=2, shuffle=False, verbose=2)
print(history.history)
print([m.name for m in model.metrics])
print(sorted(model.metrics[1].result()))
