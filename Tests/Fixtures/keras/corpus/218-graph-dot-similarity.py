# Similarity heads: a cosine similarity of two embeddings (Dot with normalize=True) and an
# attention-like score matrix between two sequences (dot over the feature axis).
from tensorflow import keras
from tensorflow.keras import layers

query = keras.Input(shape=(12, 8), name="query")
keys = keras.Input(shape=(20, 8), name="keys")
scores = layers.Dot(axes=(2, 2), name="scores")([query, keys])
weights = layers.Softmax(name="attention")(scores)
context = layers.dot([weights, keys], axes=(2, 1), name="context")
pooled_q = layers.GlobalAveragePooling1D()(query)
pooled_c = layers.GlobalAveragePooling1D()(context)
cosine = layers.Dot(axes=1, normalize=True, name="cosine")([pooled_q, pooled_c])
model = keras.Model([query, keys], [context, cosine], name="similarity")
model.summary()
print(model.get_layer("scores").output_shape)
print(model.get_layer("cosine").output_shape)
