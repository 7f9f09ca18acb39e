from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(32, 3),
    layers.Conv2D(64, 3),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(64),
    layers.Dense(10),
])
ranked = sorted(model.layers, key=lambda layer: layer.count_params(), reverse=True)
for layer in ranked[:3]:
    print("%-10s %9d" % (layer.name, layer.count_params()))
biggest = max(model.layers, key=lambda layer: layer.count_params())
smallest = min(model.layers, key=lambda layer: layer.count_params())
print("biggest:", biggest.name, "smallest:", smallest.name)
shares = {layer.name: round(layer.count_params() / model.count_params(), 3) for layer in model.layers}
print(shares)
