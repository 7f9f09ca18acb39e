# Initializers, regularizers and constraints given as objects rather than strings.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers, regularizers, initializers, constraints

init = keras.initializers.HeNormal(seed=1)

model = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(32, 3, padding="same", kernel_initializer=init,
                  kernel_regularizer=regularizers.l2(1e-4)),
    layers.Conv2D(32, 3, kernel_initializer=initializers.RandomNormal(mean=0.0, stddev=0.02),
                  bias_initializer=initializers.Constant(0.1)),
    layers.MaxPooling2D(),
    layers.Conv2D(64, 3, kernel_initializer=keras.initializers.GlorotUniform(seed=42),
                  kernel_constraint=constraints.MaxNorm(3), bias_constraint=keras.constraints.NonNeg()),
    layers.BatchNormalization(gamma_initializer=initializers.Ones(), beta_regularizer=regularizers.L1(0.01)),
    layers.Flatten(),
    layers.Dense(64, kernel_initializer=initializers.TruncatedNormal(stddev=0.01),
                 kernel_regularizer=regularizers.L1L2(l1=1e-5, l2=1e-4),
                 kernel_constraint=keras.constraints.max_norm(2.0)),
    layers.Dense(10, kernel_initializer=keras.initializers.VarianceScaling(scale=2.0, mode="fan_in"),
                 bias_initializer=keras.initializers.Zeros()),
])
model.summary()
print(model.count_params())
