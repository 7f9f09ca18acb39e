"""A classifier's last softmax removed before use (`model.layers[-1].activation = None`, as
Grad-CAM code does) and a hidden layer's activation swapped for another of Keras' functions:
the attributes read back as assigned, predictions run the new activations, the summary stays."""
import numpy as np
from tensorflow import keras

model = keras.Sequential([
    keras.Input(shape=(3,)),
    keras.layers.Dense(4, activation="tanh", kernel_initializer="ones", bias_initializer="zeros"),
    keras.layers.Dense(2, activation="softmax", kernel_initializer="ones",
                       bias_initializer=keras.initializers.Constant(np.array([0.5, -0.5]))),
], name="classifier")
model.layers[-1].activation = None
model.layers[0].activation = keras.activations.relu
print(model.layers[-1].activation, model.layers[0].activation.__name__)
x = np.array([[0.5, -1.0, 0.25], [1.0, 1.0, 1.0]], dtype="float32")
print(np.round(model.predict(x, verbose=0), 5))
logits = keras.Model(model.inputs, [model.layers[0].output, model.output])
print([tuple(o.shape) for o in logits.outputs], logits.count_params())
model.summary()
