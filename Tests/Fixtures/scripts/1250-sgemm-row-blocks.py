# TensorFlow's float32 product hands oneDNN its rows in blocks: Eigen cuts them in blocks of a
# multiple of 24 for the way it shares the work (a block of one row left over is a
# matrix-vector product, one FMA chain), and oneDNN halves a call of 73 to 95 rows and takes
# 48 at a time past that. The rows left over from groups of six count from the start of each
# block. Dense layers over 25, 49, 73 and 100 rows (predict and direct calls) and pointwise
# convolutions over 75 and 147 positions, with weights set from fixed formulas.
import numpy as np
from tensorflow import keras


def wave(count, step, shift=0.0):
    return np.sin((np.arange(count) % 97).astype("float32") * step + shift).astype("float32")


for inputs, units, rows in [(300, 10, 25), (1200, 40, 25), (200, 12, 49), (96, 20, 73), (64, 9, 100)]:
    net = keras.Sequential([keras.Input((inputs,)), keras.layers.Dense(units)])
    kernel = wave(inputs * units, 0.61, 0.2).reshape(inputs, units)
    net.set_weights([kernel, wave(units, 1.3) * 0.1])
    x = wave(rows * inputs, 0.37).reshape(rows, inputs) * 3
    direct = np.asarray(net(x))
    predicted = net.predict(x, batch_size=rows, verbose=0)
    print(inputs, units, rows, np.array_equal(direct, predicted))
    for row in sorted({rows - 3, rows - 2, rows - 1, 36, 47}):
        if row < rows:
            print(row, direct[row].tolist())

for filters, shape in [(17, (5, 5, 6)), (32, (7, 7, 33)), (6, (9, 9, 4))]:
    conv = keras.Sequential([keras.Input(shape), keras.layers.Conv2D(filters, 1)])
    conv.set_weights([wave(shape[-1] * filters, 0.83).reshape(1, 1, shape[-1], filters), wave(filters, 0.5) * 0.2])
    x = wave(3 * int(np.prod(shape)), 0.21, 1.0).reshape((3,) + shape)
    y = conv.predict(x, verbose=0).reshape(-1, filters)
    print(filters, shape, float(y.astype("float64").sum()))
    for row in [y.shape[0] - 3, y.shape[0] - 2, y.shape[0] - 1, 37, 38]:
        print(row, y[row].tolist())
