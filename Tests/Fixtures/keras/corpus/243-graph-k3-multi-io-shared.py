# Three inputs, one Dense shared by two of them, and two outputs; the shared layer appears once,
# with both of its calls in Connected to.
from tensorflow import keras
from tensorflow.keras import layers

query = keras.Input(shape=(10,), name="query")
document = keras.Input(shape=(10,), name="document")
extra = keras.Input(shape=(3,), name="extra_features")
shared = layers.Dense(6, activation="relu", name="shared_projection")
q = shared(query)
d = shared(document)
both = layers.concatenate([q, d, extra])
hidden = layers.Dense(12, activation="relu")(both)
relevance = layers.Dense(1, activation="sigmoid", name="relevance")(hidden)
topic = layers.Dense(4, activation="softmax", name="topic")(hidden)
model = keras.Model(inputs=[query, document, extra], outputs=[relevance, topic], name="ranker")
model.summary()
print(model.count_params())
print(len(model.inputs), len(model.outputs))
print([layer.name for layer in model.layers])
