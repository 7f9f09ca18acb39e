import keras
from keras import layers

class Counter:
    count = 0
    def __init__(self, start=0):
        self.value = start
        Counter.count += 1
    def step(self, by=1):
        self.value += by
        return self
    def __repr__(self):
        return f"Counter({self.value})"

c = Counter(3).step().step(2)
print(c, Counter.count, isinstance(c, Counter))
# %%
class Scale(layers.Layer):
    def __init__(self, factor=2.0, **kwargs):
        super().__init__(**kwargs)
        self.factor = factor
    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1],), initializer="ones", name="w")
    def call(self, x):
        return x * self.w * self.factor
    def get_config(self):
        return {**super().get_config(), "factor": self.factor}

class Sampling(layers.Layer):
    def call(self, inputs):
        mean, log_var = inputs
        return mean + keras.ops.exp(0.5 * log_var)

inputs = keras.Input(shape=(8,))
h = Scale(3.0)(layers.Dense(4)(inputs))
z = Sampling()([layers.Dense(2)(h), layers.Dense(2)(h)])
model = keras.Model(inputs, z)
model.summary()
print(model.count_params(), model.layers[2].get_config()["factor"])
# %%
class Tiny(keras.Model):
    def __init__(self):
        super().__init__()
        self.d = layers.Dense(3)
    def call(self, x):
        return self.d(x)

t = Tiny()
t(keras.Input(shape=(5,)))
t.summary()
