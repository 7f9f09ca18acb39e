# A fallback that itself fails: Python prints both errors.
from tensorflow import keras
from tensorflow.keras import layers

SIZES = {"small": 16, "medium": 64}


def width(name):
    try:
        return SIZES[name]
    except KeyError:
        print(f"unknown size {name!r}, falling back")
        return SIZES["defualt"]


model = keras.Sequential([keras.Input(shape=(10,)), layers.Dense(width("small"))])
print(model.output_shape)
model.add(layers.Dense(width("large")))
