# A Dense layer over inputs with no features multiplies by an empty kernel: TensorFlow's product
# is zeros, so every sample comes out as the bias (after the activation).
import numpy as np
from tensorflow import keras

model = keras.Sequential(
    [
        keras.Input((0,)),
        keras.layers.Dense(3, bias_initializer="ones"),
        keras.layers.Dense(
            2,
            activation="relu",
            kernel_initializer="ones",
            bias_initializer=keras.initializers.Constant(-2.0),
        ),
    ]
)
print(model.count_params())
print(model.predict(np.ones((4, 0)), verbose=0))
single = keras.Sequential([keras.Input((0,)), keras.layers.Dense(1, bias_initializer="ones")])
print(single.predict(np.zeros((3, 0)), verbose=0).tolist())
sequence = keras.Sequential([keras.Input((2, 0)), keras.layers.Dense(2)])
out = sequence.predict(np.zeros((1, 2, 0)), verbose=0)
print(out.shape, float(np.abs(out).sum()))
