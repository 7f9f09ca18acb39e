# The same chain of layers with the functional API.
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(28, 28, 1), name='img')
x = layers.Conv2D(16, 3, activation='relu')(inputs)
x = layers.Conv2D(32, 3, activation='relu')(x)
x = layers.MaxPooling2D(3)(x)
x = layers.Conv2D(32, 3, activation='relu')(x)
x = layers.GlobalMaxPooling2D()(x)
outputs = layers.Dense(10)(x)
model = keras.Model(inputs=inputs, outputs=outputs, name='mnist_model')
model.summary()
print(model.count_params())
print(len(model.layers))
print(model.layers[0].name, model.layers[0].output_shape)

inputs2 = keras.Input(shape=(16,))
outputs2 = layers.Dense(4)(layers.Dense(8, activation='relu')(inputs2))
model2 = keras.Model(inputs2, outputs2)
model2.summary()
