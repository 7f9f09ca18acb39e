# Python generator functions feed fit, evaluate and predict: Keras reads `steps_per_epoch`
# (`steps`) batches an epoch from the same generator, in the order it yields them, the epochs
# continuing where the last one stopped; a generator that draws its batches from NumPy's seeded
# global generator gives the same batches in every run; a single epoch validates on a generator
# too. tf-keras takes a bare array as `(x,)`; Keras 3 wants a tuple and says so.
import numpy as np
from tensorflow import keras

keras.utils.set_random_seed(7)

features = (np.arange(48, dtype="float32").reshape(16, 3) % 7) / 7.0
labels = (np.arange(16) % 3 == 0).astype("float32")


def cycling_batches(batch_size):
    start = 0
    while True:
        stop = start + batch_size
        yield features[start:stop], labels[start:stop]
        start = stop % len(features)


def noisy_batches(batch_size, width=3):
    while True:
        xb = np.random.uniform(-1.0, 1.0, size=(batch_size, width)).astype("float32")
        yield xb, (xb.sum(axis=1) > 0).astype("float32")


def inputs_only(batch_size):
    for start in range(0, len(features), batch_size):
        yield (features[start:start + batch_size],)


model = keras.Sequential([
    keras.Input(shape=(3,)),
    keras.layers.Dense(5, activation="tanh"),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.3), loss="binary_crossentropy",
              metrics=["accuracy"])

history = model.fit(cycling_batches(4), steps_per_epoch=3, epochs=3, verbose=0)
print(sorted(history.history))
print([round(v, 6) for v in history.history["loss"] + history.history["accuracy"]])
print(history.params)

np.random.seed(11)
history = model.fit(noisy_batches(8), steps_per_epoch=3, epochs=1, verbose=0,
                    validation_data=cycling_batches(8), validation_steps=2)
print([round(v, 6) for v in history.history["loss"] + history.history["val_loss"]])

loss, accuracy = model.evaluate(cycling_batches(5), steps=3, verbose=0)
print(f"evaluate: loss={loss:.6f} accuracy={accuracy:.4f}")

predictions = model.predict(inputs_only(6), steps=3, verbose=0)
print(predictions.shape, predictions[:3, 0].round(5))


def bare_arrays():
    while True:
        yield features[:4]


try:
    print(model.predict(bare_arrays(), steps=2, verbose=0).shape)
except ValueError as error:
    print("ValueError:", str(error).splitlines()[0][:100])
