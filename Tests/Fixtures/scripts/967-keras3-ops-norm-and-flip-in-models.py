# Keras 3's ops.norm (the Euclidean norm over one axis, Frobenius over two, whole numbers as
# float32, its error for an axis out of range) on arrays and inside a custom layer's call, and
# ops.flip as an operation of a functional model (a backwards LSTM put back in time order, as
# bidirectional recognizers do), inside a call, and trained through.
import numpy as np
from tensorflow import keras

if not hasattr(keras, "ops"):
    print("tf-keras has no keras.ops")
else:
    ops = keras.ops
    points = np.array([[6.0, 8.0, 0.0], [1.0, 2.0, 2.0]], dtype="float32")
    print(ops.norm(points, axis=-1))
    print(ops.norm(points, axis=0, keepdims=True))
    print(ops.norm(points))
    print(ops.norm(np.array([5, 12])))
    try:
        ops.norm(points, axis=(0, 2))
    except ValueError as error:
        print("ValueError:", error)

    class UnitLength(keras.layers.Layer):
        def call(self, v):
            return v / ops.norm(v, axis=-1, keepdims=True)

    print(UnitLength()(points))
    features = keras.Input((3,))
    hidden = keras.layers.Dense(4, kernel_initializer="ones", name="spread")(features)
    unit = keras.Model(features, UnitLength(name="unit")(hidden))
    unit.summary()
    print(unit.predict(points, verbose=0))

    frames = keras.Input((6, 2))
    backwards = keras.layers.GRU(4, return_sequences=True, go_backwards=True)(frames)
    forwards = keras.layers.GRU(4, return_sequences=True)(frames)
    merged = keras.layers.Concatenate()([forwards, ops.flip(backwards, axis=1)])
    scores = keras.layers.Dense(3)(merged)
    reader = keras.Model(frames, ops.flip(scores, axis=(1, 2)))
    reader.summary()
    print(reader.predict(np.ones((2, 6, 2), dtype="float32"), verbose=0).shape)
    try:
        ops.flip(frames, axis=-4)
    except ValueError as error:
        print("ValueError:", error)

    class Mirror(keras.layers.Layer):
        def call(self, t):
            return ops.flip(t, axis=-1) + 0.5 * t

    ramp = np.linspace(0.0, 1.0, 8, dtype="float32").reshape(2, 4)
    mirror = keras.Sequential(
        [
            keras.Input((4,)),
            keras.layers.Dense(4, kernel_initializer="identity"),
            Mirror(),
            keras.layers.Dense(1, kernel_initializer="ones"),
        ]
    )
    print(mirror.predict(ramp, verbose=0))
    mirror.compile(optimizer=keras.optimizers.SGD(0.05), loss="mse")
    history = mirror.fit(ramp, np.array([[1.0], [-1.0]]), epochs=3, verbose=0)
    print([round(loss, 5) for loss in history.history["loss"]])
