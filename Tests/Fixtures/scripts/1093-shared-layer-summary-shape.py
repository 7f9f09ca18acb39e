# One Dense layer called on tensors of different ranks. tf-keras' summary prints `multiple` for its
# output shape; Keras 3's prints the output of the layer's last call, even a call made after the
# model (the layer's calls are its own, not the model's).
from tensorflow import keras

dense = keras.layers.Dense(4, name="shared")
flat = keras.Input((3,), name="flat")
rows = keras.Input((2, 3), name="rows")
model = keras.Model([flat, rows], [dense(flat), dense(rows)])
model.summary()
dense(keras.Input((5, 7, 3)))
model.summary()
