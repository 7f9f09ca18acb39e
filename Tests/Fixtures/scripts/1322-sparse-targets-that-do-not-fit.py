"""sparse_categorical_crossentropy given targets that are not one class index per output row
(one-hot rows, an extra axis, a whole sequence too short): Keras 3's traced step squeezes the
targets' last axis of 1 and raises its ValueError on shapes with the batch unknown. tf-keras fails
inside TensorFlow's graph instead, so its run keeps to the shapes that train."""
import numpy as np
from tensorflow import keras

keras.utils.set_random_seed(4)
cases = [((6, 1), (3,)), ((6, 2), (2, 3))]
if hasattr(keras, "ops"):
    cases += [((6, 3), (3,)), ((6, 3, 1), (3,)), ((6,), (2, 3)), ((6, 5), (2, 3)), ((6, 2, 1), (2, 3))]
for targets, outputs in cases:
    model = keras.Sequential([
        keras.Input((4,)),
        keras.layers.Dense(int(np.prod(outputs)), kernel_initializer="ones"),
        keras.layers.Reshape(outputs),
    ])
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    try:
        history = model.fit(np.ones((6, 4)), np.zeros(targets), verbose=0)
        print(targets, outputs, "trains:", round(history.history["loss"][0], 4))
    except ValueError as error:
        print(targets, outputs, error)
