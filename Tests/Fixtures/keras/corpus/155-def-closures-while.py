# Closures, lambda, recursion and while loops around a model.
from tensorflow import keras
from tensorflow.keras import layers


def dense_stack(activation):
    def block(units):
        return layers.Dense(units, activation=activation)
    return block


relu_dense = dense_stack("relu")
halve = lambda n: n // 2

units = 256
while units > 16:
    units = halve(units)
print(units)


def widths(n, start=64):
    if n == 0:
        return []
    return [start] + widths(n - 1, start * 2)


model = keras.Sequential([keras.Input(shape=(20,))] + [relu_dense(w) for w in widths(3)] + [layers.Dense(1)])
model.summary()
# %%
count = 0
for layer in model.layers:
    if layer.count_params() == 0:
        continue
    count += 1
    if count > 2:
        break
print(count)
# %%
assert len(model.layers) == 4, f"expected 4 layers, got {len(model.layers)}"
# %%
assert len(model.layers) == 3, f"expected 3 layers, got {len(model.layers)}"
