# Each Keras checks a regularizer's factor when it is made: tf-keras wants a finite number,
# Keras 3 also a non-negative one; both check OrthogonalRegularizer's mode.
import numpy as np
from tensorflow import keras

R = keras.regularizers
attempts = [
    ("l2(-1.0)", lambda: R.l2(-1.0)),
    ("L1(l1='x')", lambda: R.L1(l1="x")),
    ("L1L2(l1=inf)", lambda: R.L1L2(l1=float("inf"))),
    ("l1_l2(l2=nan)", lambda: R.l1_l2(l2=float("nan"))),
    ("l1([1])", lambda: R.l1([1])),
    ("L2(q=1)", lambda: R.L2(q=1)),
    ("L2(0.1, 0.2)", lambda: R.L2(0.1, 0.2)),
    ("L1L2(0.1, l1=0.2)", lambda: R.L1L2(0.1, l1=0.2)),
    ("l1_l2(1, 2, 3)", lambda: R.l1_l2(1, 2, 3)),
    ("Orthogonal(-1.0)", lambda: R.OrthogonalRegularizer(-1.0)),
    ("Orthogonal(mode='diag')", lambda: R.OrthogonalRegularizer(0.1, mode="diag")),
    ("l2(10**400)", lambda: R.l2(10**400)),
    ("l2(np.int64(1))", lambda: R.l2(np.int64(1))),
]
for label, make in attempts:
    try:
        make()
        print(label, "made")
    except (ValueError, TypeError, OverflowError) as error:
        print(label, type(error).__name__, error)

model = keras.Sequential(
    [
        keras.Input((3,)),
        keras.layers.Dense(2, kernel_regularizer=R.l2(None), bias_regularizer=R.l1(True)),
        keras.layers.Dense(1, kernel_regularizer=R.l2(np.float64(0.5))),
    ]
)
print(len(model.losses))

# The factor a regularizer is made with is the one training uses: Keras 3's l1_l2 is the class
# L1L2 (factors 0 unless given), tf-keras' a function with factors 0.01.

keras.utils.set_random_seed(3)
for regularizer in [R.l1_l2(l1=0.001), R.l1_l2(l1=None), R.L1L2(l2=0.002), R.l2(l2=0.003)]:
    net = keras.Sequential(
        [
            keras.Input((3,)),
            keras.layers.Dense(
                2,
                kernel_regularizer=regularizer,
                kernel_initializer=keras.initializers.Constant(0.5),
            ),
        ]
    )
    print([round(float(loss), 6) for loss in net.losses])
    net.compile(optimizer="sgd", loss="mse")
    x = np.arange(12, dtype="float32").reshape(4, 3) / 10
    history = net.fit(x, np.ones((4, 2)), epochs=2, batch_size=4, verbose=0, shuffle=False)
    print([round(value, 6) for value in history.history["loss"]])
