import numpy as np
from tensorflow import keras
from tensorflow.keras import backend as K
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(16, 3),
    layers.BatchNormalization(),
    layers.Flatten(),
    layers.Dense(10),
])
model.layers[0].trainable = False
trainable_count = int(np.sum([K.count_params(w) for w in model.trainable_weights]))
non_trainable_count = int(np.sum([K.count_params(w) for w in model.non_trainable_weights]))
print("Total params: {:,}".format(trainable_count + non_trainable_count))
print("Trainable params: {:,}".format(trainable_count))
print("Non-trainable params: {:,}".format(non_trainable_count))
print([w.shape for w in model.layers[1].weights])
