# Forward-pass fixture repeat_vector: RepeatVector between Dense layers.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(6,)),
    layers.Dense(4),
    layers.RepeatVector(3),
    layers.Dense(2),
], name='repeat_vector')
