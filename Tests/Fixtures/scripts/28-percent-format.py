from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential(name="mnist_mlp")
model.add(layers.Dense(512, activation="relu", input_shape=(784,)))
model.add(layers.Dropout(0.2))
model.add(layers.Dense(512, activation="relu"))
model.add(layers.Dropout(0.2))
model.add(layers.Dense(10, activation="softmax"))
model.summary()
print("%s: %d layers, %.1fK parameters" % (model.name, len(model.layers), model.count_params() / 1000))
print("%(name)s has %(n)05d params" % {"name": model.name, "n": model.count_params()})
print("%-12s|%8s|" % ("left", "right"), "%r" % "quoted", "%x %o %e" % (255, 8, 12345.678))
