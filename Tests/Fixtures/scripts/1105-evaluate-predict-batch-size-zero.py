# batch_size=0 (or False) in evaluate and predict: tf-keras' data handler refuses a batch size
# below one; Keras 3 batches arrays by `batch_size or 32`, so zero is its default.
import numpy as np
from tensorflow import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2, kernel_initializer="ones")])
model.compile(optimizer="sgd", loss="mse")
x = np.arange(12, dtype="float32").reshape(4, 3)
y = np.ones((4, 2), dtype="float32")
for size in (0, False, None):
    for name in ("predict", "evaluate"):
        try:
            if name == "predict":
                result = model.predict(x, batch_size=size, verbose=0).tolist()
            else:
                result = model.evaluate(x, y, batch_size=size, verbose=0)
            print(name, repr(size), result)
        except ValueError as error:
            print(name, repr(size), "ValueError:", error)
