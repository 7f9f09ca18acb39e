# Nested models with several inputs (called on a list) and with outputs given as a dict.
from tensorflow import keras
from tensorflow.keras import layers

left = keras.Input(shape=(12,), name="left")
right = keras.Input(shape=(12,), name="right")
merged = layers.Concatenate(name="join")([left, right])
pair_model = keras.Model([left, right], layers.Dense(6, name="pair_dense")(merged), name="pair")

feat_in = keras.Input(shape=(6,))
hidden = layers.Dense(4, activation="relu", name="heads_hidden")(feat_in)
heads = keras.Model(
    feat_in,
    {"score": layers.Dense(1, name="score_out")(hidden), "kind": layers.Dense(3, name="kind_out")(hidden)},
    name="heads",
)

a = keras.Input(shape=(12,))
b = keras.Input(shape=(12,))
features = pair_model([a, b])
out = heads(features)
print(sorted(out.keys()))
outer = keras.Model([a, b], [out["score"], out["kind"]], name="outer")
outer.summary()
print(outer.output_shape)
