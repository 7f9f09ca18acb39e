# Default names of Loss and Metric subclasses made without name=: Keras 3 numbers repeats of a
# class's name (shared with layer names), tf-keras gives metrics their class's name as it is.
from tensorflow import keras


class SquaredGap(keras.losses.Loss):
    def call(self, y_true, y_pred):
        return (y_true - y_pred) ** 2


class CallCount(keras.metrics.Metric):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.calls = self.add_weight(name="calls", initializer="zeros")

    def update_state(self, y_true, y_pred, sample_weight=None):
        self.calls.assign_add(1.0)

    def result(self):
        return self.calls + 0.0


print(SquaredGap().name, SquaredGap().name)
print(CallCount().name, CallCount().name, CallCount(name="squared_gap").name)
layer = keras.layers.Dense(2)
print(SquaredGap().name, CallCount().name)
