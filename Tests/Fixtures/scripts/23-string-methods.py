import os

from tensorflow import keras
from tensorflow.keras import layers

run_name = "cnn-{}-{}".format("mnist", 3)
log_dir = os.path.join("logs", run_name)
print(log_dir, os.path.basename(log_dir), os.path.splitext("model.weights.h5"))
names = "conv,conv,pool,dense".split(",")
print(" -> ".join(name.upper() for name in names))
model = keras.Sequential(name=run_name.replace("-", "_"))
model.add(keras.Input(shape=(28, 28, 1)))
for name in names:
    if name.startswith("conv"):
        model.add(layers.Conv2D(8, 3))
    elif name == "pool":
        model.add(layers.MaxPooling2D())
    else:
        model.add(layers.Flatten())
        model.add(layers.Dense(10))
model.summary()
