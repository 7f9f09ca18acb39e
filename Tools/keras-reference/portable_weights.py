"""Seeded weights that Python and ConvBook's Swift tests draw bit for bit alike.

The application forward fixtures (make_application_forward_fixtures.py) cannot commit the weights of
a ResNet50 (25.6M values). Instead both sides compute them from a seed with this scheme, so a
fixture holds only the seed, the model code and the outputs. The Swift side is
Tests/ConvBookCoreTests/Forward/PortableWeights.swift; README.md describes the scheme.

Random numbers: ConvBook's `SeededGenerator` (SplitMix64). A stream is named after what it fills
(a Keras weight name such as `conv1_conv/kernel:0`, or `input`):

    h      = FNV-1a 64 of the name's UTF-8 bytes
    state0 = mix((seed ^ h) + GAMMA)            # the generator seeded with seed ^ h, one draw
    z_i    = mix(state0 + i * GAMMA), i = 1, 2, ...   (all mod 2^64)
    u_i    = (z_i >> 11) * 2^-53                # uniform in [0, 1), exact
    x_i    = float32(lower + (upper - lower) * u_i)   # in float64, then rounded once

SplitMix64 is a counter plus a mixing function, so numpy draws a whole tensor at once.
"""
import numpy as np

GAMMA = 0x9E3779B97F4A7C15
MASK = (1 << 64) - 1
FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x00000100000001B3

# The scheme's version: a fixture names the scheme it was recorded with.
SCHEME = "scaled-uniform-2"


def _mix_int(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def _mix(z):
    """The SplitMix64 output function on a uint64 array (numpy wraps modulo 2^64)."""
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def stream_state(seed, name):
    """The generator state after `SeededGenerator(seed:stream:)`."""
    h = FNV_OFFSET
    for byte in name.encode("utf-8"):
        h = ((h ^ byte) * FNV_PRIME) & MASK
    return _mix_int(((seed ^ h) + GAMMA) & MASK)


def units(seed, name, count):
    """The first `count` values of `unit()` on the named stream, float64 in [0, 1)."""
    start = np.uint64(stream_state(seed, name))
    steps = np.arange(1, count + 1, dtype=np.uint64) * np.uint64(GAMMA)
    z = _mix(start + steps)
    return (z >> np.uint64(11)).astype(np.float64) * 2.0**-53


def uniform(seed, name, shape, lower, upper):
    """float32 values uniform in [lower, upper) of `shape` (row-major) from the named stream."""
    count = int(np.prod(shape, dtype=np.int64))
    values = lower + (upper - lower) * units(seed, name, count)
    return values.astype(np.float32).reshape(shape)


def weight_range(name, shape):
    """(lower, upper) of a weight, from its variable name (the part after the last `/`).

    Kernels: He-uniform over the fan-in, so that ReLU networks keep their activations' scale
    through depth; a depthwise kernel (fan-in: its window) LeCun-uniform, half that variance, as a
    separable convolution runs it and a pointwise kernel without a ReLU between (He for both
    doubles the scale at every separable convolution of an Xception). Shifts (bias, beta, means) small,
    scales (gamma, variances) near 1, so BatchNormalization neither blows up nor vanishes
    activations although its statistics are not the real ones.
    """
    variable = name.split("/")[-1].split(":")[0]
    if variable in ("kernel", "pointwise_kernel"):
        gain, fan_in = 2.0, int(np.prod(shape[:-1]))
    elif variable == "depthwise_kernel":
        gain, fan_in = 1.0, int(np.prod(shape[:-2]))
    elif variable in ("bias", "beta", "moving_mean", "mean"):
        return (-0.1, 0.1)
    elif variable in ("gamma", "moving_variance", "variance"):
        return (0.8, 1.2)
    else:
        raise ValueError(f"the {SCHEME} scheme has no rule for weight {name}")
    limit = float(np.sqrt(3.0 * gain / max(1, fan_in)))
    return (-limit, limit)


def weight(seed, name, shape, dtype="float32"):
    """The value of one weight. Integer weights (Normalization's `count`) are 0."""
    if not np.issubdtype(np.dtype(dtype), np.floating):
        return np.zeros(shape, dtype=dtype)
    lower, upper = weight_range(name, shape)
    return uniform(seed, name, tuple(shape), lower, upper)
