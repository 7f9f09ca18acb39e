"""Training-script bookkeeping: env lines, save folders built with os.path, a model."""
import os
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
os.environ.setdefault("KERAS_BACKEND", "tensorflow")

from tensorflow import keras
from tensorflow.keras import layers

save_dir = os.path.join(os.getcwd(), "saved_models")
model_name = "cifar10_%s.h5" % "small"
model_path = os.path.join(save_dir, model_name)
print("folder:", os.path.basename(save_dir), "| file:", os.path.split(model_path)[1])
stem, extension = os.path.splitext(model_name)
print(stem, extension, os.path.isabs(model_path), os.path.normpath("runs/./a/../b"))
print(os.path.dirname(model_path) == save_dir, os.environ["TF_CPP_MIN_LOG_LEVEL"])

model = keras.Sequential(name=stem)
model.add(keras.Input(shape=(32, 32, 3)))
for filters in (16, 32):
    model.add(layers.Conv2D(filters, 3, padding="same", activation="relu"))
    model.add(layers.MaxPooling2D())
model.add(layers.Flatten())
model.add(layers.Dense(10, activation="softmax"))
model.summary()
