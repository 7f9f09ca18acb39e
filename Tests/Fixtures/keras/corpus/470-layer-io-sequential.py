# Walking a Sequential CNN's layers: what each layer takes and gives, and the model's own ends.
from tensorflow import keras
from tensorflow.keras import layers

net = keras.Sequential(
    [
        keras.Input(shape=(28, 28, 1)),
        layers.Conv2D(8, 3, activation="relu", name="c1"),
        layers.MaxPooling2D(name="p1"),
        layers.Conv2D(16, 3, activation="relu", name="c2"),
        layers.GlobalAveragePooling2D(name="gap"),
        layers.Dense(10, activation="softmax", name="probs"),
    ],
    name="walker",
)
for layer in net.layers:
    print(f"{layer.name:<6} in={tuple(layer.input.shape)} out={tuple(layer.output.shape)}")
print(len(net.inputs), len(net.outputs))
print(net.inputs[0].shape, net.outputs[0].shape)
print(net.layers[1].input is net.layers[0].output)
print(net.layers[-1].output is net.outputs[0])
print(net.layers[0].input is net.inputs[0])

# %%
# A first layer that declares input_shape= also gets a tensor (tf-keras and Keras 3 alike).
small = keras.Sequential([layers.Dense(4, input_shape=(3,), name="d_in"), layers.Dense(2, name="d_out")])
print(small.layers[0].output.shape, small.layers[1].input.shape)
print(small.outputs[0].shape)

# %%
# Built with add(): every layer's output as it was added.
grown = keras.Sequential(name="grown")
grown.add(keras.Input(shape=(16,)))
for width in (12, 8, 4):
    grown.add(layers.Dense(width))
    print(grown.layers[-1].output.shape)
print([tuple(l.input.shape) for l in grown.layers])
