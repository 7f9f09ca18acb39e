# Hand-written attention and capped activations: scores with the @ operator between Keras tensors,
# a softmax over them, values pooled with another @, and keras.activations.relu(max_value=...)
# on Keras tensors (directly and inside a script's relu6 passed as a Dense activation).
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.activations import relu


def relu6(x):
    return relu(x, max_value=6)


tokens = keras.Input((10, 16), name="tokens")
query = layers.Dense(8, name="query")(tokens)
key = layers.Dense(8, name="key")(tokens)
value = layers.Dense(8, activation=relu6, name="value")(tokens)
scores = query @ layers.Permute((2, 1), name="key_t")(key)
weights = layers.Softmax(name="attention")(scores)
context = weights @ value
context = relu(context, max_value=4.0)
pooled = layers.GlobalAveragePooling1D()(context)
outputs = layers.Dense(3, activation="softmax")(pooled)
model = keras.Model(tokens, outputs)
model.summary()
print(scores.shape, context.shape)
