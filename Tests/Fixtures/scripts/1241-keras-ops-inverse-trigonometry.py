"""keras.ops.arccos, arcsin and arctan on eager values (Python floats, a few float32 values,
float64 arrays), as the diffusion schedule of Deep Learning with Python's 3rd edition uses
`ops.arccos(max_signal_rate)`: TensorFlow's Acos, Asin and Atan kernels of the converted value
(whose whole packets of float32 values are Eigen's approximations, which ConvBook refuses).
tf-keras has no `keras.ops`."""
import numpy as np
import keras

try:
    from keras import ops
except ImportError:
    ops = None

if ops is None:
    print("no keras.ops")
else:
    print(ops.arccos(0.95), ops.arcsin(0.02), ops.arctan(3.0))
    rates = np.linspace(-1.0, 1.0, 21)
    print(ops.convert_to_numpy(ops.arccos(rates)))
    print(ops.convert_to_numpy(ops.arcsin(rates[:3].astype("float32"))))
    print(ops.convert_to_numpy(ops.arctan(np.linspace(-50.0, 50.0, 37))))
    start = ops.cast(ops.arccos(0.95), "float32")
    end = ops.cast(ops.arccos(0.02), "float32")
    angles = start + ops.arange(0.0, 1.0, 0.25) * (end - start)
    print(ops.convert_to_numpy(ops.cos(angles)), ops.convert_to_numpy(ops.sin(angles)))
