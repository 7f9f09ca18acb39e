# StringLookup / IntegerLookup with num_oov_indices=0 (a closed vocabulary, as tabular models
# build for their categorical features): vocabulary, indices, one-hot rows, a mask token, and the
# lookup's size feeding an Embedding in a model.
import numpy as np
from tensorflow import keras

colors = keras.layers.StringLookup(
    vocabulary=["red", "green", "blue"], mask_token=None, num_oov_indices=0
)
print(colors.vocabulary_size(), colors.get_vocabulary())
print(colors(["blue", "red", "green"]))
sizes = keras.layers.IntegerLookup(vocabulary=[7, 3, 9], num_oov_indices=0, output_mode="one_hot")
print(sizes.vocabulary_size(), sizes.get_vocabulary())
print(sizes(np.array([3, 9])))
padded = keras.layers.StringLookup(vocabulary=["x", "y"], num_oov_indices=0, mask_token="")
print(padded.get_vocabulary(), padded(["y", "", "x"]))

inputs = keras.Input((1,), dtype="string")
encoded = colors(inputs)
embedded = keras.layers.Embedding(input_dim=colors.vocabulary_size(), output_dim=4)(encoded)
model = keras.Model(inputs, embedded)
model.summary()
