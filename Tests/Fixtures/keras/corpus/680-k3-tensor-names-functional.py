# Printing Keras tensors while building a functional model: Keras 3 numbers every tensor it makes
# (keras_tensor, keras_tensor_1, ...), tf-keras names them after the operation that computes them.
# %%
import keras
from keras import layers

inputs = keras.Input(shape=(16,))
print(inputs)
hidden = layers.Dense(8, activation="relu")(inputs)
print(hidden)
outputs = layers.Dense(3, activation="softmax")(hidden)
print(outputs)
model = keras.Model(inputs, outputs)
print(model.output)
print(model.inputs)

# %%
# Tensor arithmetic and merge layers make tensors too.
skip = layers.Dense(8)(inputs)
summed = hidden + skip
print(summed)
joined = layers.Concatenate()([hidden, skip])
print(joined)
print(layers.Add()([hidden, skip]))

# %%
# A named input keeps its name.
tokens = keras.Input(shape=(10,), name="tokens", dtype="int32")
print(tokens)
embedded = layers.Embedding(100, 4)(tokens)
print(embedded)
print(layers.GlobalAveragePooling1D()(embedded))

# %%
# A recurrent layer with return_state=True returns three tensors.
sequence = keras.Input(shape=(7, 4))
print(layers.LSTM(5, return_state=True)(sequence))
