# Face-embedding head (FaceNet style): embeddings normalised to unit length with K.l2_normalize
# in a Lambda, and a cosine-similarity Lambda for a verification pair.
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras import backend as K

EMBEDDING = 16


def embedding_model():
    inp = keras.Input((24, 24, 3))
    x = layers.Conv2D(8, 3, activation="relu")(inp)
    x = layers.MaxPooling2D()(x)
    x = layers.Flatten()(x)
    x = layers.Dense(EMBEDDING)(x)
    x = layers.Lambda(lambda v: K.l2_normalize(v, axis=-1), name="l2_norm")(x)
    return keras.Model(inp, x, name="embedder")


embedder = embedding_model()
anchor = keras.Input((24, 24, 3), name="anchor")
other = keras.Input((24, 24, 3), name="other")
ea = embedder(anchor)
eo = embedder(other)
cosine = layers.Lambda(lambda p: K.sum(p[0] * p[1], axis=-1, keepdims=True), name="cosine")([ea, eo])
verifier = keras.Model([anchor, other], cosine)
embedder.summary()
verifier.summary()
