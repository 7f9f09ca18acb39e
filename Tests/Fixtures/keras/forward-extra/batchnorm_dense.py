# Forward-pass fixture batchnorm_dense: BatchNormalization after Dense (rank 2) and on a rank-3 tensor.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(4, 5)),
    layers.BatchNormalization(),
    layers.Dense(3),
    layers.BatchNormalization(axis=1, epsilon=1e-5),
    layers.Flatten(),
    layers.BatchNormalization(center=False, scale=False),
], name='batchnorm_dense')
