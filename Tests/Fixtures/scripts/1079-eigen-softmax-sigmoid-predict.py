# Where TensorFlow runs its own Eigen kernels (oneDNN off): a Dense sigmoid inside predict() is the
# Sigmoid op (not fused into the matmul), and softmax is Eigen's: exp over the flat tensor, row sums
# in packets, 1 / sum by the packet reciprocal for whole groups of 8 rows.
import numpy as np
import tensorflow as tf
from tensorflow import keras

net = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation="sigmoid"), keras.layers.Dense(1)])
net.set_weights([np.array([[0.75], [-1.3]], np.float32), np.array([0.05], np.float32),
                 np.array([[1.25]], np.float32), np.zeros(1, np.float32)])
grid = np.array([[a, b] for a in (-2.0, -0.5, 0.0, 1.5) for b in (-1.0, 0.25, 2.0)], np.float32)
print(net.predict(grid, verbose=0).reshape(-1))
print(net(grid).numpy().reshape(-1))

rng = np.random.default_rng(7)
for width in (3, 10, 13):
    scores = (rng.standard_normal((40, width)) * 2.5).astype(np.float32)
    clf = keras.Sequential([keras.Input((width,)), keras.layers.Activation("softmax")])
    for rows in (1, 3, 9, 17, 40):
        out = clf.predict(scores[:rows], verbose=0)
        print(width, rows, out[-1].tolist(), float(out.sum()))
    print(clf(scores[:20]).numpy()[::4].tolist())
    print(keras.layers.Softmax()(scores[:11]).numpy()[-1].tolist())

logits = (rng.standard_normal((24, 7)) * 3).astype(np.float32)
probs = tf.nn.softmax(logits).numpy()
print(probs[::5].tolist())
print(tf.nn.softmax(logits[:5, :3]).numpy().tolist())
