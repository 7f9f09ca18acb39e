# from_config is inherited from Keras' base classes: cls(**config) for schedules, losses,
# regularizers, constraints and initializers written in the script.
import tensorflow as tf
from tensorflow import keras


class Warmup(keras.optimizers.schedules.LearningRateSchedule):
    def __init__(self, peak, steps):
        self.peak = peak
        self.steps = steps

    def __call__(self, step):
        return self.peak * tf.minimum(1.0, tf.cast(step, tf.float32) / self.steps)

    def get_config(self):
        return {"peak": self.peak, "steps": self.steps}


class Scaled(keras.losses.Loss):
    def __init__(self, factor=2.0, **kwargs):
        super().__init__(**kwargs)
        self.factor = factor

    def call(self, y_true, y_pred):
        return self.factor * tf.reduce_mean(tf.abs(y_true - y_pred), axis=-1)

    def get_config(self):
        return {**super().get_config(), "factor": self.factor}


class Sparse(keras.regularizers.Regularizer):
    def __init__(self, rate):
        self.rate = rate

    def __call__(self, w):
        return self.rate * tf.reduce_sum(tf.abs(w))

    def get_config(self):
        return {"rate": self.rate}


class Capped(keras.constraints.Constraint):
    def __init__(self, cap=1.0):
        self.cap = cap

    def __call__(self, w):
        return tf.clip_by_value(w, -self.cap, self.cap)

    def get_config(self):
        return {"cap": self.cap}


class Filled(keras.initializers.Initializer):
    def __init__(self, value=0.5):
        self.value = value

    def __call__(self, shape, dtype=None):
        return tf.fill(shape, self.value)

    def get_config(self):
        return {"value": self.value}


schedule = Warmup.from_config(Warmup(0.01, 4).get_config())
print(type(schedule).__name__, schedule.peak, schedule.steps)
print([round(float(schedule(s)), 4) for s in range(6)])
loss = Scaled.from_config(Scaled(3.0, name="scaled").get_config())
print(loss.factor, loss.name)
print(float(loss(tf.constant([[1.0, 2.0]]), tf.constant([[0.5, 3.0]]))))
try:
    loss([[1.0, 2.0]], [[0.5, 3.0]])  # Keras hands Python lists to call() as lists
except TypeError as error:
    print(error)
reg = Sparse.from_config({"rate": 0.25})
print(float(reg(tf.constant([1.0, -2.0]))))
cap = Capped.from_config(Capped(0.5).get_config())
print(cap(tf.constant([-2.0, 0.25, 3.0])).numpy())
init = Filled.from_config({"value": 1.5})
print(init((2,)).numpy())
try:
    Warmup.from_config()
except TypeError as error:
    print(error)
