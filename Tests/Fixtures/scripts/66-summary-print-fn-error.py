# A print_fn that fails: the error comes from inside Keras' call of it.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(2)])
written = []


def write_line(line):
    written.append(line)
    if len(written) > 3:
        raise RuntimeError("log is full after %d lines" % len(written))


model.summary(print_fn=write_line)
