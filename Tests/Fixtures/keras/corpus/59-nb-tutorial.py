# Notebook session: a tutorial notebook, cell by cell.
# %%
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

print(tf.__version__ is not None)

# %%
num_classes = 10
input_shape = (32, 32, 3)

# %%
baseline = keras.Sequential([
    keras.Input(shape=input_shape),
    layers.Conv2D(32, 3, activation='relu'),
    layers.Flatten(),
    layers.Dense(num_classes, activation='softmax'),
])
baseline.summary()

# %%
# Deeper network: a typo in the activation keyword.
deeper = keras.Sequential([
    keras.Input(shape=input_shape),
    layers.Conv2D(32, 3, activaton='relu'),
])

# %%
deeper = keras.Sequential([
    keras.Input(shape=input_shape),
    layers.Conv2D(32, 3, activation='relu'),
    layers.Conv2D(32, 3, activation='relu'),
    layers.MaxPooling2D(),
    layers.Conv2D(64, 3, activation='relu'),
    layers.GlobalAveragePooling2D(),
    layers.Dense(num_classes, activation='softmax'),
])
deeper.summary()
print(baseline.count_params(), deeper.count_params())

# %%
deeper.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
print(deeper.get_layer('conv2d_3').output_shape)
