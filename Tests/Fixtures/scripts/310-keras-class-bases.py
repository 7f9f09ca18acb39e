"""Subclasses of Keras' own non-layer classes: a callback, a loss, a regularizer, a constraint, an
initializer and a learning-rate schedule, defined, made and inspected; the regularizer, constraint
and initializer objects given to a layer of a model that is then summarised."""
import tensorflow as tf
from tensorflow import keras


class PrintEveryEpoch(keras.callbacks.Callback):
    def __init__(self, every=2):
        super().__init__()
        self.every = every

    def on_epoch_end(self, epoch, logs=None):
        if epoch % self.every == 0:
            print("epoch", epoch)


class ScaledAbsolute(keras.losses.Loss):
    def __init__(self, scale=1.0, **kwargs):
        self.scale = scale
        super().__init__(**kwargs)

    def call(self, y_true, y_pred):
        return tf.abs(y_true - y_pred) * self.scale

    def get_config(self):
        base = super().get_config()
        return {**base, "scale": self.scale}


class SumOfAbs(keras.regularizers.Regularizer):
    def __init__(self, factor):
        self.factor = factor

    def __call__(self, weights):
        return tf.reduce_sum(tf.abs(self.factor * weights))

    def get_config(self):
        return {"factor": self.factor}


class KeepPositive(keras.constraints.Constraint):
    def __call__(self, w):
        return tf.nn.relu(w)


class AllOnes(keras.initializers.Initializer):
    def __call__(self, shape, dtype=None):
        return tf.ones(shape, dtype=dtype)


class HalvingSchedule(keras.optimizers.schedules.LearningRateSchedule):
    def __init__(self, start):
        self.start = start

    def __call__(self, step):
        return self.start / (2 ** step)


callback = PrintEveryEpoch(3)
print(callback.every, callback.model)
loss = ScaledAbsolute(2.0)
print(loss.scale, loss.get_config())
named = ScaledAbsolute(name="scaled")
print(named.name, named.get_config()["name"])
regularizer = SumOfAbs(0.01)
print(regularizer.get_config())
print(HalvingSchedule(0.1)(2))
print(isinstance(loss, keras.losses.Loss), isinstance(callback, keras.callbacks.Callback))

model = keras.Sequential([
    keras.Input(shape=(6,)),
    keras.layers.Dense(4, kernel_regularizer=regularizer, kernel_constraint=KeepPositive(),
                       bias_initializer="zeros"),
    keras.layers.Dense(1, activity_regularizer=SumOfAbs(0.1)),
])
model.compile(optimizer="adam", loss=loss)
model.summary()
