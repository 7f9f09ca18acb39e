import numpy as np
import keras
from keras import layers, ops


# Positions from keras.ops.arange, looked up in the layer's own Embedding (keras-io's text
# classifier with a transformer, at a small size): both tables are the layer's weights and train.
class WordAndPlace(layers.Layer):
    def __init__(self, length, words, width):
        super().__init__()
        self.word_table = layers.Embedding(input_dim=words, output_dim=width)
        self.place_table = layers.Embedding(input_dim=length, output_dim=width)

    def call(self, x):
        length = ops.shape(x)[-1]
        places = ops.arange(start=0, stop=length, step=1)
        return self.word_table(x) + self.place_table(places)


tokens = layers.Input(shape=(5,))
embed = WordAndPlace(5, 7, 3)
h = embed(tokens)
h = layers.GlobalAveragePooling1D()(h)
model = keras.Model(inputs=tokens, outputs=layers.Dense(2, activation="softmax")(h))
print(model.count_params(), [tuple(w.shape) for w in embed.weights])

words = (np.arange(21, dtype="float32").reshape(7, 3) % 5 - 2) / 4
places = (np.arange(15, dtype="float32").reshape(5, 3) % 4 - 1.5) / 3
embed.set_weights([words, places])
model.layers[-1].set_weights([np.array([[0.5, -0.5], [0.25, 0.75], [-1.0, 0.5]], "float32"), np.zeros(2, "float32")])
x = (np.arange(60).reshape(12, 5) * 3 % 7).astype("float32")
y = (x[:, 0] > x[:, 4]).astype("int32")
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.5), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
history = model.fit(x, y, epochs=3, batch_size=4, shuffle=False, verbose=2)
print([round(v, 4) for v in history.history["loss"]])
print(np.round(embed.get_weights()[1], 4))
