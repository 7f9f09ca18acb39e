# A typo in a keyword argument.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(20,)),
    layers.Dense(64, activation='relu'),
    layers.Dense(10, activaton='relu'),
])
