# Looking at a CNN's weights: shapes, dtypes, names and counts, as NumPy arrays.
import numpy as np
from tensorflow import keras
from tensorflow.keras import backend as K
from tensorflow.keras import layers

model = keras.Sequential(
    [
        keras.Input(shape=(16, 16, 3)),
        layers.Conv2D(8, 3, name="conv"),
        layers.BatchNormalization(name="bn"),
        layers.DepthwiseConv2D(3, use_bias=False, name="dw"),
        layers.Flatten(name="flat"),
        layers.Dense(5, name="out"),
    ]
)
for layer in model.layers:
    arrays = layer.get_weights()
    print(layer.name, [a.shape for a in arrays], [str(a.dtype) for a in arrays], layer.count_params())
print(len(model.weights), len(model.trainable_weights), len(model.non_trainable_weights))
print(len(model.get_weights()), sum(w.size for w in model.get_weights()), model.count_params())
print([int(K.count_params(w)) for w in model.trainable_weights])
kernel, bias = model.get_layer("out").get_weights()
print(kernel.shape, bias.shape, float(bias.sum()))
gamma, beta, mean, variance = model.get_layer("bn").get_weights()
print(gamma[:3], beta[:3], mean[:3], variance[:3])
print([w.shape for w in model.get_layer("bn").weights])

# %%
unbuilt = layers.Dense(3)
print(unbuilt.get_weights(), unbuilt.weights)
