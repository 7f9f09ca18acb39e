# One Dense layer shared by two inputs (a siamese head), and its second call's tensors and node
# indices in the summary's Connected to column.
from tensorflow import keras
from tensorflow.keras import layers

left = keras.Input((10,), name="left")
right = keras.Input((10,), name="right")
embed = layers.Dense(4, activation="relu", name="shared_embed")
a = embed(left)
b = embed(right)
distance = layers.Subtract(name="difference")([a, b])
score = layers.Dense(1, activation="sigmoid", name="score")(distance)
siamese = keras.Model([left, right], score, name="siamese")
siamese.summary()
print(a.shape, b.shape)
print(len(siamese.layers), siamese.count_params())

# %%
print(a.name == b.name, embed.output.name == a.name)
print(layers.Dense(2, name="probe")(left).name)
