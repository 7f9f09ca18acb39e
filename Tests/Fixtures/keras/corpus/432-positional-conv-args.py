# Layer arguments passed by position: strides and padding after the kernel size, units with input_dim.
from tensorflow.keras import layers, models

model = models.Sequential()
model.add(layers.Conv2D(32, 3, 1, "same", input_shape=(32, 32, 3)))
model.add(layers.Conv2D(64, (3, 3), (2, 2), "valid", activation="relu"))
model.add(layers.MaxPooling2D((2, 2), (2, 2), "same"))
model.add(layers.AveragePooling2D(2, 1))
model.add(layers.Conv2D(64, kernel_size=[3, 3], strides=[1, 1], padding="same"))
model.add(layers.Flatten())
model.add(layers.Dense(32, "relu"))
model.add(layers.Dense(10))
model.summary()

# %%
mlp = models.Sequential()
mlp.add(layers.Dense(64, input_dim=784, activation="relu"))
mlp.add(layers.Dense(10, activation="softmax"))
mlp.summary()
