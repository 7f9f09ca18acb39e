# One-hot encode short strings into a preallocated array, as character-level seq2seq scripts do,
# then build the recurrent model that reads them.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

alphabet = sorted(set("0123456789+ "))
index = {c: i for i, c in enumerate(alphabet)}
questions = ["12+7 ", "3+45 ", "60+8 "]
answers = ["19 ", "48 ", "68 "]


class Table:
    def __init__(self, chars):
        self.chars = chars

    def encode(self, text, rows):
        x = np.zeros((rows, len(self.chars)))
        for i, c in enumerate(text):
            x[i, index[c]] = 1
        return x


table = Table(alphabet)
x = np.zeros((len(questions), 5, len(alphabet)), dtype=bool)
y = np.zeros((len(questions), 3, len(alphabet)), dtype=bool)
for i, text in enumerate(questions):
    x[i] = table.encode(text, 5)
for i, text in enumerate(answers):
    y[i] = table.encode(text, 3)
print(x.shape, y.dtype, x[0].sum(), x[1, 0])

targets = np.zeros((3, 4), dtype="float32")
targets[np.arange(3), [2, 0, 3]] = 1.0
targets[:, 1] += 0.5
targets[2, 2:] = [7, 8]
print(targets)
grid = np.zeros((2, 3, 2))
grid[0, 1:, 0] = 1.0
grid[1][2][1] = 4.0
print(grid.reshape(2, -1))
counts = np.zeros(4, dtype=np.int32)
counts[1:3] = [2.9, -1.2]
print(repr(counts))

model = keras.Sequential(
    [
        keras.Input(shape=(5, len(alphabet))),
        layers.LSTM(16),
        layers.RepeatVector(3),
        layers.LSTM(16, return_sequences=True),
        layers.Dense(len(alphabet), activation="softmax"),
    ]
)
model.summary()
