# Lambdas made in a loop read the loop variable when the model runs, not when each was made:
# Python closures bind names late. Channel groups sliced this way all end up as the last group.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

image = keras.Input(shape=(2, 2, 6))
groups = []
for g in range(3):
    piece = layers.Lambda(lambda t: t[:, :, :, 2 * g:2 * g + 2])(image)
    groups.append(piece)
joined = layers.concatenate(groups)
model = keras.Model(image, joined)
print([tuple(p.shape) for p in groups])

data = np.arange(24, dtype="float32").reshape(1, 2, 2, 6)
print(model.predict(data, verbose=0)[0, 0, 0])
print(model(data).numpy()[0, 1, 1])


def grouped(inputs, count, width):
    outputs = []
    for k in range(count):
        outputs.append(layers.Lambda(lambda t: t[..., k * width:(k + 1) * width])(inputs))
    return layers.add(outputs)


pixels = keras.Input(shape=(3, 8))
summed = grouped(pixels, 4, 2)
adder = keras.Model(pixels, summed)
row = np.arange(24, dtype="float32").reshape(1, 3, 8)
print(adder.predict(row, verbose=0)[0])

# A default argument binds when the lambda is made.
bound = [layers.Lambda(lambda t, g=g: t[:, :, :, 2 * g:2 * g + 2])(image) for g in range(3)]
print(keras.Model(image, layers.concatenate(bound)).predict(data, verbose=0)[0, 0, 0])

# A scale read from the globals changes before the model runs.
scale = 2.0
scaled = layers.Lambda(lambda t: t * scale)(pixels)
scaler = keras.Model(pixels, scaled)
scale = 10.0
print(scaler.predict(row, verbose=0)[0, 0])
scaler.compile(optimizer="sgd", loss="mse")
print(scaler.evaluate(row, row * 10.0, verbose=0))
