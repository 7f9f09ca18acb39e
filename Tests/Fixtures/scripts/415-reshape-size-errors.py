# Reshaping flat image data to the wrong size: NumPy's message names the requested shape.
import numpy as np

pixels = np.zeros((6, 784), dtype="float32")
for shape in [(6, 28, 28, 1), (6, 32, 32, 3), (-1, 30, 30), (10,), (4, -1), (5, -1, 7), (-1, 5)]:
    try:
        print(pixels.reshape(shape).shape)
    except ValueError as error:
        print("ValueError:", error)
pixels.reshape(60000, 784)
