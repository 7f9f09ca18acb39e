# print_fn as real code passes it: a lambda, print itself, and a logger-like function.
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(64,), name="features")
x = layers.Dense(32, activation="relu")(inputs)
x = layers.Dropout(0.5)(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs, name="mlp")

model.summary(print_fn=lambda line: print("| " + line))
model.summary(print_fn=print)

log = []


def log_info(message, *args, **kwargs):
    log.append(message.rstrip("\n"))


model.summary(print_fn=log_info)
print(len(log), "message(s) logged;", sum(len(m) for m in log), "characters")
print(log[-1])
