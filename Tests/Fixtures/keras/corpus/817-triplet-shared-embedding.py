# A triplet network: one embedding model shared by anchor, positive and negative, the three
# normalized embeddings stacked in one output.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

emb_in = keras.Input(shape=(32, 32, 3))
e = layers.Conv2D(32, 3, activation="relu")(emb_in)
e = layers.MaxPooling2D()(e)
e = layers.Conv2D(64, 3, activation="relu")(e)
e = layers.GlobalAveragePooling2D()(e)
e = layers.Dense(16)(e)
e = layers.Lambda(lambda t: tf.math.l2_normalize(t, axis=1), name="l2norm")(e)
embedder = keras.Model(emb_in, e, name="embedder")

anchor = keras.Input(shape=(32, 32, 3), name="anchor")
positive = keras.Input(shape=(32, 32, 3), name="positive")
negative = keras.Input(shape=(32, 32, 3), name="negative")
stacked = layers.concatenate([embedder(anchor), embedder(positive), embedder(negative)], axis=1)
triplet = keras.Model([anchor, positive, negative], stacked, name="triplet")
triplet.summary()
triplet.summary(expand_nested=True)
print(triplet.count_params(), embedder.count_params())
