import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

filters_per_block = [16, 32, 64]
stack = [keras.Input(shape=(32, 32, 3))]
for index, filters in enumerate(filters_per_block):
    stack.append(layers.Conv2D(filters, 3, padding="same", activation="relu", name=f"conv_{index}"))
    stack.append(layers.BatchNormalization())
    stack.append(layers.MaxPooling2D(2))
stack.extend([layers.Flatten(), layers.Dense(10)])
model = keras.Sequential(stack, name="appended")
model.summary()
print("blocks:", len(filters_per_block), "layers:", len(model.layers))
