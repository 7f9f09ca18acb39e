# A siamese pair: one encoder (its layers shared) embeds both images; the head compares the
# embeddings. The shared layers are listed once and their weights counted once.
from tensorflow import keras
from tensorflow.keras import layers

left = keras.Input(shape=(28, 28, 1), name="left")
right = keras.Input(shape=(28, 28, 1), name="right")
conv = layers.Conv2D(8, 3, activation="relu")
pool = layers.GlobalMaxPooling2D()
embed = layers.Dense(16)
a = embed(pool(conv(left)))
b = embed(pool(conv(right)))
diff = layers.subtract([a, b])
both = layers.maximum([a, b])
low = layers.Minimum()([a, b])
joined = layers.Concatenate()([diff, both, low])
score = layers.Dense(1, activation="sigmoid")(joined)
siamese = keras.Model([left, right], score)
siamese.summary()
print(siamese.count_params())
print([layer.name for layer in siamese.layers])
