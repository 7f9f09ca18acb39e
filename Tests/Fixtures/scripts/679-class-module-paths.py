# Keras classes as Python shows them: type() of layers, models, tensors and optimizers, the
# classes themselves, their __module__ and __name__ (an alias names its class), and a layer's
# text (Keras 3 writes its name and whether it is built; tf-keras shows an address, refused).
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

pieces = [
    layers.Conv2D(4, 3), layers.Conv1D(2, 3), layers.DepthwiseConv2D(3), layers.SeparableConv2D(4, 3),
    layers.Conv2DTranspose(2, 3), layers.MaxPooling2D(), layers.AveragePooling2D(2),
    layers.GlobalAveragePooling2D(), layers.GlobalMaxPooling1D(), layers.Dense(3),
    layers.Dropout(0.2), layers.SpatialDropout2D(0.1), layers.BatchNormalization(),
    layers.LayerNormalization(), layers.Flatten(), layers.Reshape((2, 2)), layers.Permute((2, 1)),
    layers.ReLU(), layers.LeakyReLU(), layers.PReLU(), layers.ELU(), layers.Softmax(),
    layers.Activation("tanh"), layers.Embedding(10, 4), layers.LSTM(3), layers.GRU(3),
    layers.SimpleRNN(2), layers.Bidirectional(layers.LSTM(2)), layers.Add(), layers.Concatenate(),
    layers.Multiply(), layers.ZeroPadding2D(), layers.UpSampling2D(), layers.Cropping2D(1),
    layers.GaussianNoise(0.1), layers.MultiHeadAttention(2, 4), layers.TimeDistributed(layers.Dense(2)),
    layers.RepeatVector(3), layers.Lambda(lambda t: t * 2),
]
for piece in pieces:
    print(type(piece))

print(layers.ReLU)
print(keras.layers.Convolution2D, keras.layers.Convolution2D.__name__)
print(layers.MaxPool2D.__name__, layers.MaxPool2D.__module__)
print(layers.Dense.__module__, layers.Dense.__qualname__)
print(keras.layers.Layer)
print(keras.Sequential, keras.Model)

inputs = keras.Input(shape=(4,))
print(type(inputs))
outputs = layers.Dense(2)(inputs)
graph = keras.Model(inputs, outputs)
chain = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(1)])
print(type(graph), type(chain))
print(type(graph).__name__, type(chain).__module__)

optimizer = keras.optimizers.Adam(0.01)
print(type(optimizer), keras.optimizers.SGD, keras.optimizers.RMSprop)
print(type(chain.layers[0]) is layers.Dense, isinstance(chain.layers[0], layers.Dense))
print(str(type(pieces[0])).split(".")[-1])
if keras.__version__.startswith("3"):
    print(chain.layers[0], layers.Dense(2, name="later"), chain)
