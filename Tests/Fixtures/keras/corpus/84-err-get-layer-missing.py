# get_layer() with a name the model does not have.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(8,)),
    layers.Dense(4, name='hidden'),
    layers.Dense(1, name='out'),
])
print(model.get_layer('hidden').name)
print(model.get_layer('conv5').output_shape)
