import numpy as np
import tensorflow as tf
from tensorflow import keras

features = np.array([[1.0, 10.0, 3.0], [2.0, 20.0, 5.0], [4.0, 30.0, 9.0], [5.0, 40.0, 7.0]])

norm = keras.layers.Normalization(axis=-1)
model = keras.Sequential([
    keras.Input(shape=(3,)),
    norm,
    keras.layers.Dense(1, kernel_initializer="ones", bias_initializer="zeros"),
])
norm.adapt(features)
print(norm.mean.numpy())
print(norm.variance.numpy())
model.summary()
print(model.predict(features, verbose=0).round(4).reshape(-1))

column = keras.layers.Normalization(input_shape=[1], axis=None)
column.adapt(features[:, 1])
print(column.mean.numpy(), column.variance.numpy())
single = keras.Sequential([column, keras.layers.Dense(1, kernel_initializer="ones")])
single.summary()
print(single.predict(features[:, 1:2], verbose=0).round(4).reshape(-1))

streamed = keras.layers.Normalization()
streamed_model = keras.Sequential([keras.Input(shape=(3,)), streamed])
streamed.adapt(tf.data.Dataset.from_tensor_slices(features).batch(2))
print(streamed.mean.numpy())
print(streamed_model.predict(features[:2], verbose=0).round(4))
