# A Dense layer called on inputs with no features multiplies by an empty kernel: TensorFlow's
# product is zeros, so every sample comes out as the bias (then the activation).
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
print(model(np.ones((4, 0))).numpy())
single = keras.Sequential([keras.Input((0,)), keras.layers.Dense(1, bias_initializer="ones")])
print(single(np.zeros((3, 0))).numpy().tolist())
sequence = keras.Sequential([keras.Input((2, 0)), keras.layers.Dense(2, bias_initializer="ones")])
print(sequence(np.zeros((1, 2, 0))).numpy())
