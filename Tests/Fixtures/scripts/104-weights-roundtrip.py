import numpy as np
from tensorflow import keras

model = keras.Sequential([
    keras.Input(shape=(4,)),
    keras.layers.Dense(3, activation="relu", name="hidden"),
    keras.layers.Dense(2, name="out"),
])
x = np.array([[1.0, 2.0, 3.0, 4.0]], dtype="float32")
kernel, bias = model.get_layer("hidden").get_weights()
print("kernel", kernel.shape, kernel.dtype, "bias", bias)
model.get_layer("hidden").set_weights([np.ones(kernel.shape), np.zeros(bias.shape) + 1.0])
model.get_layer("out").set_weights([np.ones((3, 2)), np.zeros(2)])
print(model.predict(x, verbose=0))
weights = model.get_weights()
print(len(weights), [w.shape for w in weights], sum(w.size for w in weights) == model.count_params())
weights[3] = weights[3] + 0.5
model.set_weights(weights)
print(model.predict(x, verbose=0))
print(model.get_layer("out").get_config()["units"], [w.name for w in model.weights])
model.set_weights(weights[:2])
