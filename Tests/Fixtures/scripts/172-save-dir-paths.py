# A training script's bookkeeping before the model: where checkpoints would be saved.
import os

from tensorflow import keras
from tensorflow.keras import layers

save_dir = os.path.join(os.getcwd(), "saved_models")
model_name = "cifar10_small.h5"
print("checkpoints go to", os.path.basename(save_dir))

model = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(8, 3, activation="relu"),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
])
model.summary()
