# Weights as variables: names, shapes, and their values through numpy().
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(8, 8, 2)),
    layers.Conv2D(3, 3, name="conv"),
    layers.BatchNormalization(name="norm"),
    layers.Flatten(name="flat"),
    layers.Dense(2, name="dense_head"),
])
print(len(model.weights), [w.name for w in model.weights])
print([tuple(w.shape) for w in model.trainable_weights])
conv = model.get_layer("conv")
print(conv.kernel.numpy().shape, conv.bias.numpy(), conv.kernel.numpy().dtype)
print([v.numpy().tolist() for v in model.get_layer("norm").weights][2:])
moving_var = model.get_layer("norm").moving_variance.numpy()
print(moving_var, moving_var.sum())
head = model.get_layer("dense_head")
head.set_weights([np.zeros((108, 2)), np.array([0.25, -0.5])])
print(head.bias.numpy(), head.kernel.numpy().max())
