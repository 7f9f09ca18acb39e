# Where TensorFlow runs Eigen on an AVX2 processor, a Dense layer's MatMul sums most values in one
# FMA chain, but a layer of at most 8 units (or the last 1-8 units past a multiple of 16) sums the
# even and the odd inputs in two chains, and the rows left over from groups of 6 do too: 3 rows
# with FMA, the last 1 or 2 without (each product rounded). predict and direct calls alike.
import numpy as np
from tensorflow import keras

rng = np.random.default_rng(44)
for width, units, act in [(2, 3, "sigmoid"), (5, 4, None), (9, 8, "relu"), (7, 12, "tanh"), (6, 19, None)]:
    net = keras.Sequential([keras.Input((width,)), keras.layers.Dense(units, activation=act)])
    net.set_weights([
        rng.standard_normal((width, units)).astype(np.float32),
        rng.standard_normal(units).astype(np.float32),
    ])
    for rows in [2, 3, 7, 9, 14, 37]:
        batch = rng.standard_normal((rows, width)).astype(np.float32)
        print(width, units, rows, net.predict(batch, verbose=0).tolist())
        print(net(batch).numpy().tolist())
