# A Dense layer with a single unit multiplies a batch by one column: TensorFlow's matrix-vector
# product takes the rows in blocks of 8, 4 and 2 and the last odd row alone, and only that lone
# row gathers a half packet of 4 products first. With 4 to 7 inputs every other row adds its
# products one after another, which a predict on batches of 32 shows in the last digits.
import numpy as np
from tensorflow import keras

keras.utils.set_random_seed(3)
for width in (4, 5, 6, 7, 9):
    x = np.cos(np.arange(37 * width, dtype="float32") * 0.37).reshape(37, width)
    model = keras.Sequential([keras.Input((width,)), keras.layers.Dense(1)])
    print(width, model.predict(x, verbose=0).ravel().tolist())
