# A custom block that keeps its sublayers in a list and walks them through the list's
# `.layers` (tf-keras' ListWrapper has it; Keras 3's TrackedList does not).
import numpy as np
import tensorflow as tf


class Tower(tf.keras.layers.Layer):
    def __init__(self, widths):
        super().__init__()
        self.steps = []
        for width in widths:
            self.steps.append(tf.keras.layers.Dense(width, activation="relu"))

    def call(self, x):
        for step in self.steps.layers:
            x = step(x)
        return x


tower = Tower([8, 4])
print(len(tower.steps))
out = tower(np.ones((2, 5), dtype="float32"))
print(out.shape)
