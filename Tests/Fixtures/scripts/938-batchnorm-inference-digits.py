# BatchNormalization at inference on data: TensorFlow's reciprocal square root of the variances
# differs in the last digit between whole packets of eight channels and the channels after them.
import numpy as np
from tensorflow import keras

values = np.array([[[[96.9, 193.0, 48.95, 1.0, 3.3, 7.7, 11.1, 0.3, 5.0, -2.5, 64.0]]]], "float32")
layer = keras.layers.BatchNormalization(axis=3)
print(layer(values, training=False).numpy().tolist())
shifted = keras.layers.BatchNormalization(epsilon=0.01, center=False)
print(shifted(values[0, 0], training=False).numpy().tolist())
model = keras.Sequential([keras.Input((11,)), keras.layers.BatchNormalization(epsilon=0.3)])
print(model.predict(values[0, 0], verbose=0).tolist())
