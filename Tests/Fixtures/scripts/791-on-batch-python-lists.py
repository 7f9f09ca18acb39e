"""The *_on_batch methods convert no Python list of numbers (fit and predict do): tf-keras reads
each leaf's .shape, Keras 3 takes the leaves as the model's inputs."""
import numpy as np
from tensorflow import keras

source = keras.Input(shape=(1,))
doubled = keras.Model(source, keras.layers.Dense(1, use_bias=False, kernel_initializer="ones")(source))
doubled.compile(loss="mse")
print(doubled.predict_on_batch(np.array([[1.0], [2.0]])))
attempts = [
    lambda: doubled.predict_on_batch([1, 2, 3]),
    lambda: doubled.predict_on_batch([[1.5, 2.5], [3.5, 4.5]]),
    lambda: doubled.test_on_batch([1, 2], [2, 4]),
    lambda: doubled.train_on_batch([4, 5], [8, 10]),
]
for attempt in attempts:
    try:
        attempt()
    except (AttributeError, ValueError) as error:
        print(type(error).__name__, error)
doubled.predict_on_batch([7, 8])
