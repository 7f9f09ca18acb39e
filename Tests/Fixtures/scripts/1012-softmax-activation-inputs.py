# keras.activations.softmax on what a script hands it: a NumPy array has no `.shape.rank`
# (a tuple) for tf-keras' backend, a list or a Python number no `.shape` at all; Keras 3
# converts NumPy arrays and reads `x.shape` of the rest.
import numpy as np
import tensorflow as tf
from tensorflow import keras

scores = np.array([[2.0, 1.0, 0.1], [0.5, 0.5, 3.0]], "float32")
print(keras.activations.softmax(tf.constant(scores)).shape)
for name, value in [("array", scores), ("list", scores.tolist()), ("tuple", (1.0, 2.0)),
                    ("number", 4.0)]:
    try:
        print(name, keras.activations.softmax(value).shape)
    except AttributeError as error:
        print(name, "AttributeError:", error)
print(keras.activations.relu(np.array([-1.0, 2.0])))
keras.activations.softmax([0.2, 0.8])
