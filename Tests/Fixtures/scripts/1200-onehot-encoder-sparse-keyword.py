# Labels one-hot encoded with scikit-learn before a small classifier, written for an older
# scikit-learn: `sparse=` is now `sparse_output=`, a TypeError of OneHotEncoder itself.
import numpy as np
from sklearn.preprocessing import OneHotEncoder
from tensorflow import keras

labels = (np.arange(12) % 4).reshape(-1, 1)
print(labels.shape)
encoder = OneHotEncoder(sparse=False)
targets = encoder.fit_transform(labels)
model = keras.Sequential([keras.Input((5,)), keras.layers.Dense(4, activation="softmax")])
model.summary()
