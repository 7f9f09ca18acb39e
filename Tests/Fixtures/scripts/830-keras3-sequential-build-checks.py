# Keras 3 checks a Sequential model's build shape and compile containers, and lists no weights
# for a model that has not seen a shape yet.
import numpy as np
from tensorflow import keras
layers = keras.layers

stack = keras.Sequential([layers.Embedding(50, 4), layers.GRU(3), layers.Dense(2)])
print("unbuilt:", len(stack.weights), len(stack.trainable_weights), len(stack.non_trainable_weights))
print("trainable variables:", [v.name for v in stack.trainable_variables])
print("get_weights:", [w.shape for w in stack.get_weights()])
counts = [int(np.prod(w.shape)) for w in stack.trainable_weights]
print("sum of counts:", sum(counts))

for metrics in ["mae", 3, 0, "", None, ["mae"], ("mse",)]:
    try:
        stack.compile(optimizer="sgd", loss="mse", metrics=metrics)
        print("compiled with", repr(metrics))
    except ValueError as error:
        print("refused:", error)

for weights in [2, 0.5, "half", [1.0]]:
    try:
        stack.compile(optimizer="sgd", loss="mse", loss_weights=weights)
        print("loss_weights ok:", weights)
    except ValueError as error:
        print("refused:", error)

try:
    stack.compile("adam", "mse", weighted_metrics="mae")
except ValueError as error:
    print("refused:", error)

flat = keras.Sequential([layers.Flatten(input_shape=(6, 6)), layers.Dense(5)])
flat.build((None, 6, 6))
print("same shape builds again:", flat.output_shape)
try:
    flat.build(input_shape=(None, 36))
except ValueError as error:
    print("refused:", error)

staged = keras.Sequential()
staged.add(keras.Input(shape=(8,), batch_size=4))
staged.add(layers.Dense(2))
staged.build([4, 8])
print(staged.input_shape)
staged.build([None, 8])
