#!/usr/bin/env python3
"""Writes KernelFixtures.swift: small reference tensors for the CNNEngine kernel tests.

Expected outputs come from real tf-keras layers (Keras 2 semantics) with seeded random weights, and
the NumPy-format fixtures are the exact bytes numpy writes. Tensors are stored as base64 of their
little-endian float32 bytes, so the Swift file compiles fast and the values are bit-exact.

Run from the repository root (see Tools/keras-reference/README.md for the venv):
    TF_USE_LEGACY_KERAS=1 ~/keras-ref/bin/python \
        Tests/CNNEngineTests/Kernels/Fixtures/make_kernel_fixtures.py
The output is deterministic: two runs give identical files.
"""
import base64
import io
import os
import pathlib

os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")

import numpy as np
import tensorflow as tf
import tf_keras as keras
from tf_keras import layers

tf.config.experimental.enable_op_determinism()
HERE = pathlib.Path(__file__).resolve().parent
RNG = np.random.default_rng(20240611)

CASES = {}  # name -> {tensor name: float32 array}
BLOBS = {}  # name -> bytes


def rand(*shape, scale=1.0):
    return (RNG.standard_normal(shape) * scale).astype(np.float32)


def run_layer(name, layer, x, weights=None, extra=None):
    """Builds `layer` on x's shape, sets `weights` (seeded random by default), records everything."""
    layer.build(x.shape)
    if weights is None:
        # Seeded values instead of Keras' unseeded initializers (and nonzero biases).
        weights = [rand(*w.shape, scale=0.5) for w in layer.get_weights()]
    layer.set_weights(weights)
    y = layer(x, training=False).numpy()
    record = {"input": x, "output": y}
    for weight, value in zip(layer.weights, layer.get_weights()):
        record[weight.name.split("/")[-1].split(":")[0]] = value
    record.update(extra or {})
    CASES[name] = record


# ---- convolutions ---------------------------------------------------------------------------
run_layer("conv2d_same_stride2", layers.Conv2D(5, 3, strides=2, padding="same"), rand(2, 7, 6, 3))
run_layer("conv2d_same_even_kernel", layers.Conv2D(3, 4, padding="same"), rand(1, 6, 6, 2))
run_layer("conv2d_dilated_same", layers.Conv2D(4, 3, dilation_rate=2, padding="same"), rand(1, 9, 8, 2))
run_layer("conv2d_groups", layers.Conv2D(6, 3, groups=3), rand(1, 5, 5, 6))
run_layer(
    "conv2d_wide_same_relu",
    layers.Conv2D(35, 3, strides=(1, 2), padding="same", activation="relu"),
    rand(1, 8, 29, 17))
run_layer("conv2d_seed_like", layers.Conv2D(32, 3, activation="relu"), rand(1, 12, 20, 3))
run_layer("conv1d_causal_dilated", layers.Conv1D(4, 3, dilation_rate=2, padding="causal"), rand(2, 10, 3))
run_layer("conv1d_same_stride3", layers.Conv1D(3, 4, strides=3, padding="same"), rand(1, 11, 3))
run_layer("conv3d_same", layers.Conv3D(3, (2, 3, 3), strides=(1, 2, 1), padding="same"), rand(1, 4, 5, 5, 2))
run_layer(
    "depthwise2d_multiplier",
    layers.DepthwiseConv2D(3, strides=2, padding="same", depth_multiplier=2),
    rand(1, 6, 7, 3))
run_layer("depthwise2d_dilated", layers.DepthwiseConv2D(3, dilation_rate=2), rand(1, 7, 7, 10))
run_layer("depthwise1d_same", layers.DepthwiseConv1D(3, padding="same", depth_multiplier=3), rand(2, 6, 2))
run_layer("separable2d_same", layers.SeparableConv2D(4, 3, padding="same", depth_multiplier=2), rand(1, 6, 6, 3))
run_layer("conv2d_transpose_valid_s2", layers.Conv2DTranspose(5, 3, strides=2), rand(1, 3, 4, 2))
run_layer(
    "conv2d_transpose_same_s2_op1",
    layers.Conv2DTranspose(4, 3, strides=2, padding="same", output_padding=1),
    rand(1, 3, 3, 2))
run_layer("conv2d_transpose_same_k4_s2", layers.Conv2DTranspose(3, 4, strides=2, padding="same"), rand(2, 3, 3, 3))
run_layer(
    "conv2d_transpose_valid_s3_op1",
    layers.Conv2DTranspose(2, 2, strides=(3, 2), output_padding=(1, 0)),
    rand(1, 2, 3, 2))
run_layer(
    "conv2d_transpose_same_s2_op0",
    layers.Conv2DTranspose(3, 3, strides=2, padding="same", output_padding=0),
    rand(1, 4, 4, 2))
run_layer("conv1d_transpose_same", layers.Conv1DTranspose(4, 3, strides=2, padding="same"), rand(1, 5, 2))

# ---- pooling ------------------------------------------------------------------------------------
run_layer("maxpool2d_same", layers.MaxPooling2D(3, strides=2, padding="same"), rand(1, 5, 7, 3))
run_layer("avgpool2d_same", layers.AveragePooling2D(3, strides=2, padding="same"), rand(1, 5, 7, 3))
run_layer("avgpool2d_valid", layers.AveragePooling2D(2), rand(1, 6, 6, 2))
run_layer("maxpool1d_same", layers.MaxPooling1D(2, padding="same"), rand(2, 5, 9))
run_layer("avgpool3d_same", layers.AveragePooling3D(2, padding="same"), rand(1, 3, 3, 5, 2))
run_layer("global_avg2d", layers.GlobalAveragePooling2D(), rand(2, 4, 5, 11))
run_layer("global_max2d", layers.GlobalMaxPooling2D(), rand(2, 4, 5, 11))

# ---- normalization --------------------------------------------------------------------------------
def bn_weights(c):
    return [rand(c), rand(c), rand(c), np.abs(rand(c)) + 0.1]  # gamma, beta, mean, variance


run_layer("batchnorm_rank4", layers.BatchNormalization(), rand(2, 3, 4, 10), bn_weights(10))
run_layer("batchnorm_axis1_rank3", layers.BatchNormalization(axis=1), rand(2, 5, 6), bn_weights(5))
run_layer("layernorm", layers.LayerNormalization(), rand(2, 3, 12) * 3 + 1, [rand(12), rand(12)])
run_layer("layernorm_small_eps", layers.LayerNormalization(epsilon=1e-6), rand(4, 7) * 2, [rand(7), rand(7)])

# ---- dense ----------------------------------------------------------------------------------------
run_layer("dense_rank3", layers.Dense(7), rand(2, 3, 5))
run_layer("dense_wide", layers.Dense(37, activation="relu"), rand(9, 130))

# ---- activations ----------------------------------------------------------------------------------
grid = np.concatenate([np.linspace(-12, 12, 97), [-0.0, 0.0, 1e-8, -1e-8, 5.0, 6.0, 0.5, -3.7]])
grid = grid.astype(np.float32).reshape(1, -1)
for name in ["relu", "sigmoid", "tanh", "elu", "selu", "gelu", "swish", "softplus", "softsign",
             "hard_sigmoid", "exponential", "relu6", "mish"]:
    run_layer("activation_" + name, layers.Activation(name), grid)
run_layer("activation_relu_full", layers.ReLU(max_value=6.0, negative_slope=0.1, threshold=0.5), grid)
run_layer("activation_relu_threshold", layers.ReLU(threshold=1.0), grid)
run_layer("activation_relu_lambda", layers.Lambda(lambda t: keras.activations.relu(t, alpha=0.2, threshold=-1.0)), grid)
run_layer("activation_leaky", layers.LeakyReLU(), grid)
run_layer("activation_elu_alpha", layers.ELU(alpha=0.5), grid)
run_layer("activation_gelu_approx", layers.Lambda(lambda t: keras.activations.gelu(t, approximate=True)), grid)
run_layer("softmax_axis1", layers.Softmax(axis=1), rand(2, 3, 4) * 5)
run_layer("softmax_last", layers.Activation("softmax"), rand(3, 10) * 20)

# ---- shape layers -----------------------------------------------------------------------------------
run_layer("upsampling2d", layers.UpSampling2D((2, 3)), rand(1, 2, 3, 2))
run_layer("upsampling1d", layers.UpSampling1D(3), rand(2, 3, 2))
run_layer("upsampling3d", layers.UpSampling3D((1, 2, 2)), rand(1, 2, 2, 2, 1))
run_layer("zeropadding2d", layers.ZeroPadding2D(((1, 2), (0, 3))), rand(1, 2, 3, 2))
run_layer("cropping2d", layers.Cropping2D(((1, 0), (2, 1))), rand(1, 4, 5, 2))
run_layer("permute", layers.Permute((3, 1, 2)), rand(2, 2, 3, 4))

# ---- numpy files -------------------------------------------------------------------------------------
def npy_bytes(array, version=None):
    buffer = io.BytesIO()
    if version is None:
        np.save(buffer, array)
    else:
        np.lib.format.write_array(buffer, array, version=version)
    return buffer.getvalue()


small = np.arange(6, dtype=np.float32).reshape(2, 3) / 4 - 0.5
BLOBS["npy_f4"] = npy_bytes(small)
BLOBS["npy_f8"] = npy_bytes(small.astype(np.float64))
BLOBS["npy_i8"] = npy_bytes(np.arange(-3, 3, dtype=np.int64).reshape(3, 2))
BLOBS["npy_scalar"] = npy_bytes(np.float32(2.5))
BLOBS["npy_v2"] = npy_bytes(small, version=(2, 0))
BLOBS["npy_fortran"] = npy_bytes(np.asfortranarray(small))
BLOBS["npy_u1"] = npy_bytes(np.arange(4, dtype=np.uint8))
buffer = io.BytesIO()
np.savez(buffer, weights=small, bias=np.array([1.5, -2.0], dtype=np.float32))
BLOBS["npz_stored"] = buffer.getvalue()
buffer = io.BytesIO()
np.savez_compressed(buffer, weights=small)
BLOBS["npz_compressed"] = buffer.getvalue()


# ---- write ---------------------------------------------------------------------------------------------
def b64(data):
    return base64.b64encode(data).decode("ascii")


lines = [
    "// Generated by make_kernel_fixtures.py (tf-keras " + keras.__version__ + ", numpy " + np.__version__ + ").",
    "// Do not edit; rerun the script instead.",
    "",
    "/// Reference tensors (base64 of little-endian float32) computed by tf-keras layers, and files",
    "/// written by numpy.",
    "enum KernelFixtures {",
    "  static let tensors: [String: [String: (shape: [Int], base64: String)]] = [",
]
for name in sorted(CASES):
    lines.append(f'    "{name}": [')
    for key in sorted(CASES[name]):
        value = np.ascontiguousarray(CASES[name][key], dtype="<f4")
        shape = ", ".join(str(d) for d in value.shape)
        lines.append(f'      "{key}": ([{shape}], "{b64(value.tobytes())}"),')
    lines.append("    ],")
lines.append("  ]")
lines.append("")
lines.append("  static let files: [String: String] = [")
for name in sorted(BLOBS):
    lines.append(f'    "{name}": "{b64(BLOBS[name])}",')
lines.append("  ]")
lines.append("}")
(HERE / "KernelFixtures.swift").write_text("\n".join(lines) + "\n")
print("wrote", HERE / "KernelFixtures.swift", sum(len(c) for c in CASES.values()), "tensors")
