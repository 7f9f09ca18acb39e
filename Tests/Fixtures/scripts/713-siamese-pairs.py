# Pairs of samples for a siamese network: lists of [array, array] become one array.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

rng = np.random.RandomState(7)
images = rng.rand(12, 4, 4).astype("float32")
labels = np.array([0, 1, 2] * 4)
groups = [np.where(labels == digit)[0] for digit in range(3)]


def make_pairs(x, groups):
    pairs, targets = [], []
    for digit in range(3):
        for i in range(len(groups[digit]) - 1):
            first, second = groups[digit][i], groups[digit][i + 1]
            pairs.append([x[first], x[second]])
            other = groups[(digit + 1) % 3][i]
            pairs.append([x[first], x[other]])
            targets += [1, 0]
    return np.array(pairs), np.array(targets).astype("float32")


pairs, targets = make_pairs(images, groups)
print(pairs.shape, pairs.dtype, targets.shape, targets[:4])
left, right = pairs[:, 0], pairs[:, 1]
print(left.shape, np.allclose(left[0], images[groups[0][0]]))
stacked = np.stack([left, right], axis=1)
print(stacked.shape, np.array_equal(stacked, pairs))
print(np.concatenate([left, right]).shape, np.array([left[0], right[0]]).shape)
mixed = np.array([np.arange(3, dtype="int32"), [7, 8, 9]])
print(mixed.dtype, mixed.tolist())
print(np.array([np.float32(0.5), 2]).dtype, np.array([np.ones(2, "float32"), np.zeros(2, "uint8")]).dtype)
empty = np.array([np.zeros((0, 2), "float32"), np.zeros((0, 2), "float32")])
print(empty.shape, empty.dtype)

for ragged in ([images[0], images[1][:2]], [[1, 2], [3]], [np.ones(2), 3.0]):
    try:
        np.array(ragged)
    except ValueError as error:
        print("ValueError:", error)


def tower(shape):
    inputs = keras.Input(shape=shape)
    x = layers.Flatten()(inputs)
    x = layers.Dense(8, activation="relu")(x)
    return keras.Model(inputs, x, name="tower")


shared = tower((4, 4))
input_a = keras.Input(shape=(4, 4), name="left")
input_b = keras.Input(shape=(4, 4), name="right")
difference = layers.Subtract()([shared(input_a), shared(input_b)])
score = layers.Dense(1, activation="sigmoid")(difference)
model = keras.Model([input_a, input_b], score)
model.summary()
print(np.array([pairs[0], pairs[1], pairs[2][:1]]).shape)
