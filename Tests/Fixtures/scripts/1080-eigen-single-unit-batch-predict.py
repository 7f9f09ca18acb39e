# One output unit over a batch: where TensorFlow runs Eigen (oneDNN off), the MatMul is Eigen's
# row-major matrix-vector product without FMA: a plain chain for tiny products, else 8 lanes per
# row (a lone last row of an odd batch folds one half packet of 4 first).
import numpy as np
from tensorflow import keras

gen = np.random.default_rng(21)
for batch, width in [(2, 3), (5, 9), (7, 4), (12, 6), (13, 5), (32, 10), (9, 33), (4, 40), (33, 17), (3, 130)]:
    feats = gen.standard_normal((batch, width)).astype(np.float32)
    head = keras.Sequential([keras.Input((width,)), keras.layers.Dense(1)])
    head.set_weights([gen.standard_normal((width, 1)).astype(np.float32), np.array([0.25], np.float32)])
    print(batch, width, head.predict(feats, verbose=0).ravel().tolist())
    print(head(feats).numpy().ravel().tolist())
