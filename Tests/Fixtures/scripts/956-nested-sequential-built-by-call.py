# A Sequential block inside a Sequential model, both built by calling the outer one on an Input:
# Keras 3 builds the inner block when the outer build reaches it, so the inner block's tensors
# are numbered after the outer tensors before it, and the block's own output is its first call.
from tensorflow import keras
from tensorflow.keras import layers

block = keras.Sequential([layers.Dense(8, activation="relu"), layers.Dense(4)], name="block")
net = keras.Sequential([layers.Dense(6), block, layers.Dense(3, name="head")], name="net")
result = net(keras.Input(shape=(10,)))
print(result.shape)
print(net.layers[0].output)
print(block.layers[0].output)
print(block.layers[-1].output)
print(net.layers[1].output)
print(net.layers[2].output)
print(block.inputs, block.outputs)
net.summary()
