# A ticket-routing style model with three inputs and two outputs: the Connected to column at the
# default width and the wider one.
from tensorflow import keras
from tensorflow.keras import layers

title = keras.Input((20,), name="title_features")
body = keras.Input((50,), name="body_features")
tags = keras.Input((12,), name="tag_features")
merged = layers.concatenate([title, body, tags], name="all_features")
hidden = layers.Dense(32, activation="relu", name="hidden")(merged)
priority = layers.Dense(1, activation="sigmoid", name="priority")(hidden)
department = layers.Dense(4, activation="softmax", name="department")(hidden)
router = keras.Model([title, body, tags], [priority, department], name="router")
router.summary()
print(router.output_shape)
print([t.shape for t in router.inputs])
