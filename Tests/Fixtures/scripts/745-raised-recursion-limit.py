import sys
from tensorflow import keras
from tensorflow.keras import layers

# Older model files raise the limit "to be safe" before building deep graphs.
sys.setrecursionlimit(2 ** 20)
print(sys.getrecursionlimit())
sys.setrecursionlimit(3000)


def stack(x, depth):
    if depth == 0:
        return x
    return stack(layers.Dense(4, name=f"dense_{depth}")(x), depth - 1)


inputs = keras.Input((4,))
model = keras.Model(inputs, stack(inputs, 3))
print(len(model.layers), model.count_params())

for bad in (1.5, 0, "10", 2 ** 40):
    try:
        sys.setrecursionlimit(bad)
    except Exception as error:
        print(type(error).__name__, error)
print(sys.getrecursionlimit())
