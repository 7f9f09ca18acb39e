# A Keras 3 style block passes its dtype policy on to the layers its __init__ makes, before it
# is built; the policy is Keras' default float32 one.
from tensorflow import keras
from tensorflow.keras import layers


class MlpBlock(layers.Layer):
    def __init__(self, hidden, out, **kwargs):
        super().__init__(**kwargs)
        print(self.dtype_policy, self.compute_dtype, self.variable_dtype)
        self.fc1 = layers.Dense(hidden, activation="gelu", dtype=self.dtype_policy, name="fc1")
        self.norm = layers.LayerNormalization(epsilon=1e-6, dtype=self.dtype_policy)
        self.fc2 = layers.Dense(out, dtype=self.dtype_policy, name="fc2")
        print(self.dtype_policy.name, self.dtype)

    def call(self, x):
        return self.fc2(self.norm(self.fc1(x)))


tokens = keras.Input(shape=(5, 8))
block = MlpBlock(16, 8, name="mlp")
model = keras.Model(tokens, block(tokens))
model.summary()
print(block.fc1.dtype, block.fc2.compute_dtype, block.norm.dtype_policy)
