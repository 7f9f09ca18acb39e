"""tf-keras' fit runs a subclassed model's call() in a call context of training=True: a block
whose call() defaults training=False and is called without it takes the context's flag, so its
BatchNormalization trains on the batch's statistics and updates its moving mean (predict and
evaluate run it with False). Keras 3 fails there: the default False is handed on positionally."""
import numpy as np
import tensorflow as tf


class Block(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.norm = tf.keras.layers.BatchNormalization(momentum=0.5)

    def call(self, x, training=False):
        return self.norm(x, training)


class Wrapper(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.block = Block()

    def call(self, x, training=None):
        return self.block(x)


x = np.arange(12, dtype="float32").reshape(6, 2)
y = np.zeros((6, 2), dtype="float32")
model = Wrapper()
model.compile("sgd", "mse")
try:
    history = model.fit(x, y, batch_size=6, epochs=2, verbose=0)
    print([round(loss, 4) for loss in history.history["loss"]])
    print(np.round(model.block.norm.moving_mean.numpy(), 4))
    print(np.round(model.predict(x[:2], verbose=0), 4))
    print(round(model.evaluate(x, y, verbose=0), 4))
except ValueError as error:
    print(type(error).__name__, error)
