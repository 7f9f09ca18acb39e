import numpy as np
import keras
from keras import layers

# An Embedding's gradient is an IndexedSlices. Keras 3's Adam and RMSprop square its slices
# before a repeated id's rows add up (SGD adds them up first). Ids repeat within every batch;
# ids 13..19 are never looked up, so their rows must not move.
n = np.arange(24 * 10).reshape(24, 10)
mixed = n * 7 + n // 10
tokens = mixed - (mixed // 13) * 13
label = (tokens[:, 0] > tokens[:, 1]).astype("float32")
t = np.arange(20 * 4).reshape(20, 4) * 5
table = ((t - (t // 9) * 9 - 4) / 10.0).astype("float32")
k = np.arange(3 * 4 * 3).reshape(3, 4, 3) * 3
kernel = ((k - (k // 7) * 7 - 3) / 10.0).astype("float32")
optimizers = [("adam", keras.optimizers.Adam(learning_rate=0.05)),
              ("rmsprop", keras.optimizers.RMSprop(learning_rate=0.05)),
              ("sgd", keras.optimizers.SGD(learning_rate=0.5, momentum=0.9))]
for name, optimizer in optimizers:
    model = keras.Sequential([
        keras.Input(shape=(10,), dtype="int32"),
        layers.Embedding(20, 4),
        layers.Conv1D(3, 3, activation="relu"),
        layers.GlobalMaxPooling1D(),
        layers.Dense(1, activation="sigmoid", kernel_initializer=keras.initializers.Constant(0.3)),
    ])
    model.layers[0].set_weights([table])
    model.layers[1].set_weights([kernel, np.zeros(3, dtype="float32")])
    model.compile(optimizer=optimizer, loss="binary_crossentropy", metrics=["accuracy"])
    history = model.fit(tokens, label, epochs=3, batch_size=8, shuffle=False, verbose=0)
    print(name, [round(v, 5) for v in history.history["loss"]])
    trained = model.layers[0].get_weights()[0]
    print([round(float(v), 5) for v in trained[:4].reshape(16)])
    moved = trained[13:] - table[13:]
    print(float(moved.min()), float(moved.max()))
