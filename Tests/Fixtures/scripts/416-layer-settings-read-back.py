# Reading settings back from layers, as code that rebuilds a model with Monte Carlo dropout does.
from tensorflow import keras

layers_in_order = [
    keras.layers.Dense(16, activation="selu", kernel_initializer="lecun_normal"),
    keras.layers.AlphaDropout(0.1),
    keras.layers.GaussianDropout(0.25, seed=7),
    keras.layers.GaussianNoise(1),
    keras.layers.Dropout(0.5, noise_shape=(None, 1)),
    keras.layers.Dense(3, kernel_regularizer=None),
]
for layer in layers_in_order:
    if isinstance(layer, (keras.layers.AlphaDropout, keras.layers.GaussianDropout, keras.layers.Dropout)):
        print(type(layer).__name__, layer.rate, layer.seed, layer.noise_shape if hasattr(layer, "noise_shape") else "-")
    elif isinstance(layer, keras.layers.GaussianNoise):
        print("GaussianNoise", layer.stddev, layer.seed)
    else:
        print(layer.name, layer.kernel_regularizer, layer.bias_constraint, layer.activity_regularizer)
print(keras.layers.Rescaling(1 / 255, offset=-1).offset)
