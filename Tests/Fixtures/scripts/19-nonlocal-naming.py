from tensorflow import keras
from tensorflow.keras import layers


def builder(prefix):
    count = 0

    def dense(units):
        nonlocal count
        count += 1
        return layers.Dense(units, name=f"{prefix}_{count}")

    def total():
        return count

    return dense, total


dense, total = builder("fc")
model = keras.Sequential([keras.Input(shape=(20,)), dense(16), dense(8), dense(1)])
print("dense layers:", total())
model.summary()
