# Layer configs that hold initializers, regularizers and constraints, and those objects' own configs.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers, regularizers, initializers, constraints

decay = regularizers.l2(5e-4)
print(decay.get_config(), regularizers.l1(2e-3).get_config())
print(regularizers.L1L2(l1=1e-5, l2=1e-4).get_config(), regularizers.L2(3).get_config())
print(initializers.RandomUniform(-0.1, 0.1, seed=3).get_config())
print(initializers.GlorotNormal().get_config(), initializers.Orthogonal(gain=2.0).get_config())
print(constraints.MaxNorm(max_value=4, axis=[0, 1, 2]).get_config(), constraints.UnitNorm().get_config())

model = keras.Sequential([
    keras.Input(shape=(16, 16, 3)),
    layers.Conv2D(8, 3, padding="same", kernel_initializer="he_uniform", kernel_regularizer=decay),
    layers.BatchNormalization(beta_regularizer=regularizers.l1(1e-6), gamma_initializer="zeros"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(10, activation="softmax", kernel_constraint=constraints.MaxNorm(2.5),
                 bias_initializer=initializers.Constant(0.01), kernel_regularizer="l1"),
])
for layer in model.layers:
    config = layer.get_config()
    objects = {k: v["class_name"] for k, v in config.items() if isinstance(v, dict) and "class_name" in v}
    print(layer.name, objects)
print(model.layers[0].get_config()["kernel_regularizer"])
print(model.layers[-1].get_config())
