#!/usr/bin/env python3
"""Write small forward-pass fixtures computed by a real tf-keras.

Usage (see README.md):
    TF_USE_LEGACY_KERAS=1 ~/keras-ref/bin/python Tools/keras-reference/make_forward_fixtures.py [NAME ...]

For every case below this writes, in Tests/Fixtures/keras/forward/:
  NAME.py           the model code (tutorial style, binds `model`)
  NAME.weights.npz  every weight, key = Keras weight name (`conv2d/kernel:0`), Keras layout
  NAME.input.npy    float32 input, batch 2, seeded
  NAME.output.npy   float32 `model.predict(input)` (inference mode: Dropout off, BN moving stats)
  NAME.layers.npz   each layer's output in inference mode, key = layer name
and forward/index.json describing all cases (shapes, weight names in model order).
All npz files are written with np.savez (uncompressed).
"""
import os
import sys

os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")

import json
import pathlib
import textwrap
import warnings
import zlib

import numpy as np
import tensorflow as tf
import tf_keras

warnings.filterwarnings("ignore")
tf.get_logger().setLevel("ERROR")
tf.config.experimental.enable_op_determinism()

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = ROOT / "Tests" / "Fixtures" / "keras" / "forward"

HEADER = """\
from tensorflow import keras
from tensorflow.keras import layers

"""

# name -> (description, body of the keras.Sequential list, input scale)
CASES = {}


def case(name, description, body, input_scale=1.0):
    CASES[name] = (description, textwrap.dedent(body).strip("\n"), input_scale)


# ---- convolutions -------------------------------------------------------------
case("conv1d_strides_padding", "Conv1D valid/same, strides 1 and 2", """
    keras.Input(shape=(11, 3)),
    layers.Conv1D(4, 3),
    layers.Conv1D(5, 3, strides=2, padding='same'),
    layers.Conv1D(4, 2, strides=2, padding='valid', activation='relu'),
""")
case("conv1d_causal_dilated", "Conv1D causal padding with dilation, and dilated valid", """
    keras.Input(shape=(12, 2)),
    layers.Conv1D(3, 2, padding='causal'),
    layers.Conv1D(3, 3, padding='causal', dilation_rate=2),
    layers.Conv1D(4, 2, dilation_rate=3),
    layers.Conv1D(2, 3, padding='same', dilation_rate=2, use_bias=False),
""")
case("conv1d_groups", "Conv1D with groups", """
    keras.Input(shape=(9, 4)),
    layers.Conv1D(6, 3, groups=2),
    layers.Conv1D(6, 1, groups=3, padding='same'),
""")
case("conv2d_strides_padding", "Conv2D valid/same with strides, odd and even sizes, rectangular kernels", """
    keras.Input(shape=(9, 8, 3)),
    layers.Conv2D(4, 3),
    layers.Conv2D(5, 3, strides=2, padding='same'),
    layers.Conv2D(4, (2, 3), strides=(1, 2), padding='same'),
    layers.Conv2D(3, (2, 1), strides=(2, 1), padding='valid', use_bias=False),
""")
case("conv2d_same_even_kernel", "Conv2D same padding with even kernels and stride 2 (asymmetric padding)", """
    keras.Input(shape=(8, 7, 2)),
    layers.Conv2D(3, 4, strides=2, padding='same'),
    layers.Conv2D(3, 2, padding='same'),
""")
case("conv2d_dilation_groups", "Conv2D with dilation_rate and with groups", """
    keras.Input(shape=(10, 10, 4)),
    layers.Conv2D(4, 3, dilation_rate=2),
    layers.Conv2D(4, 3, dilation_rate=(1, 2), padding='same'),
    layers.Conv2D(6, 3, groups=2, padding='same'),
    layers.Conv2D(6, 1, groups=3),
""")
case("conv3d", "Conv3D same/valid, strides", """
    keras.Input(shape=(5, 6, 6, 2)),
    layers.Conv3D(3, 3, strides=2, padding='same'),
    layers.Conv3D(2, (2, 2, 1)),
""")
case("depthwise_conv2d", "DepthwiseConv2D with depth_multiplier, same/valid, strides", """
    keras.Input(shape=(7, 7, 3)),
    layers.DepthwiseConv2D(3, depth_multiplier=2, padding='same'),
    layers.DepthwiseConv2D(3, strides=2),
    layers.DepthwiseConv2D((2, 3), use_bias=False, padding='same'),
""")
case("separable_conv2d", "SeparableConv2D with depth_multiplier, strides", """
    keras.Input(shape=(8, 8, 3)),
    layers.SeparableConv2D(4, 3, padding='same', depth_multiplier=2, activation='relu'),
    layers.SeparableConv2D(3, 3, strides=2),
""")
case("conv2d_transpose", "Conv2DTranspose strides 2 with same and valid padding", """
    keras.Input(shape=(3, 4, 3)),
    layers.Conv2DTranspose(4, 3, strides=2, padding='same'),
    layers.Conv2DTranspose(2, 3, strides=2, padding='valid'),
""")
case("conv2d_transpose_more", "Conv2DTranspose: even kernel, output_padding, stride 1", """
    keras.Input(shape=(3, 3, 2)),
    layers.Conv2DTranspose(3, 4, strides=2, padding='same'),
    layers.Conv2DTranspose(2, 3, strides=2, padding='valid', output_padding=1),
    layers.Conv2DTranspose(2, (2, 3), use_bias=False),
""")

# ---- pooling ------------------------------------------------------------------
case("pooling1d", "Max/AveragePooling1D valid and same", """
    keras.Input(shape=(11, 3)),
    layers.MaxPooling1D(2),
    layers.AveragePooling1D(3, strides=2, padding='same'),
    layers.MaxPooling1D(3, strides=1, padding='same'),
    layers.AveragePooling1D(2, strides=1),
""")
case("pooling2d", "Max/AveragePooling2D valid and same (same-avg excludes padding)", """
    keras.Input(shape=(9, 8, 3)),
    layers.MaxPooling2D(2),
    layers.AveragePooling2D(3, strides=2, padding='same'),
    layers.MaxPooling2D((2, 1), padding='same'),
    layers.AveragePooling2D((1, 2)),
""")
case("pooling2d_same_overlap", "AveragePooling2D/MaxPooling2D same padding, stride 1, window 3", """
    keras.Input(shape=(5, 6, 2)),
    layers.AveragePooling2D(3, strides=1, padding='same'),
    layers.MaxPooling2D(3, strides=1, padding='same'),
""")
case("pooling3d", "Max/AveragePooling3D valid and same", """
    keras.Input(shape=(5, 5, 4, 2)),
    layers.MaxPooling3D(2, padding='same'),
    layers.AveragePooling3D((2, 2, 1), strides=1),
    layers.AveragePooling3D(2, padding='same'),
""")
case("global_avg_pool1d", "GlobalAveragePooling1D keepdims", """
    keras.Input(shape=(7, 3)),
    layers.GlobalAveragePooling1D(keepdims=True),
""")
case("global_max_pool1d", "GlobalMaxPooling1D", """
    keras.Input(shape=(7, 3)),
    layers.GlobalMaxPooling1D(),
""")
case("global_avg_pool2d", "GlobalAveragePooling2D", """
    keras.Input(shape=(5, 4, 3)),
    layers.GlobalAveragePooling2D(),
""")
case("global_max_pool2d", "GlobalMaxPooling2D keepdims", """
    keras.Input(shape=(5, 4, 3)),
    layers.GlobalMaxPooling2D(keepdims=True),
""")
case("global_avg_pool3d", "GlobalAveragePooling3D", """
    keras.Input(shape=(3, 4, 2, 3)),
    layers.GlobalAveragePooling3D(),
""")
case("global_max_pool3d", "GlobalMaxPooling3D keepdims", """
    keras.Input(shape=(3, 4, 2, 3)),
    layers.GlobalMaxPooling3D(keepdims=True),
""")

# ---- normalization --------------------------------------------------------------
case("batch_normalization", "BatchNormalization in inference mode, with center/scale off and axis=1", """
    keras.Input(shape=(4, 5, 3)),
    layers.BatchNormalization(),
    layers.BatchNormalization(center=False),
    layers.BatchNormalization(scale=False, epsilon=0.01),
    layers.BatchNormalization(axis=1),
""")
case("layer_normalization", "LayerNormalization on the last axis (multi-axis fails at predict in tf-keras 2.21 on CPU)", """
    keras.Input(shape=(4, 6)),
    layers.LayerNormalization(),
    layers.LayerNormalization(epsilon=1e-3),
    layers.LayerNormalization(center=False, scale=False),
""")

# ---- dense / reshaping --------------------------------------------------------------
case("dense_rank3", "Dense on a rank-3 input", """
    keras.Input(shape=(4, 5)),
    layers.Dense(3, activation='tanh'),
    layers.Dense(2, use_bias=False),
""")
case("dense_rank4", "Dense on a rank-4 input, then Flatten + Dense", """
    keras.Input(shape=(3, 3, 2)),
    layers.Dense(4),
    layers.Flatten(),
    layers.Dense(3),
""")
case("reshape_permute", "Reshape (with -1) and Permute", """
    keras.Input(shape=(4, 3, 2)),
    layers.Reshape((6, -1)),
    layers.Permute((2, 1)),
    layers.Reshape((2, 2, 6)),
    layers.Permute((3, 1, 2)),
    layers.Flatten(),
""")
case("padding_cropping_1d", "ZeroPadding1D and Cropping1D", """
    keras.Input(shape=(6, 2)),
    layers.ZeroPadding1D((1, 2)),
    layers.Cropping1D((2, 0)),
    layers.ZeroPadding1D(1),
""")
case("padding_cropping_2d", "ZeroPadding2D and Cropping2D with asymmetric amounts", """
    keras.Input(shape=(4, 5, 2)),
    layers.ZeroPadding2D(((1, 0), (2, 1))),
    layers.Cropping2D(((0, 1), (1, 2))),
    layers.ZeroPadding2D(1),
    layers.Cropping2D(1),
""")
case("padding_cropping_3d", "ZeroPadding3D and Cropping3D", """
    keras.Input(shape=(3, 4, 3, 2)),
    layers.ZeroPadding3D(((1, 0), (0, 1), (1, 1))),
    layers.Cropping3D(((0, 1), (1, 0), (0, 2))),
""")
case("upsampling", "UpSampling1D, then reshaped through UpSampling2D and UpSampling3D (nearest)", """
    keras.Input(shape=(3, 4)),
    layers.UpSampling1D(2),
    layers.Reshape((3, 2, 4)),
    layers.UpSampling2D((2, 1)),
    layers.Reshape((3, 2, 2, 4)),
    layers.UpSampling3D((1, 2, 1)),
""")
case("upsampling2d_bilinear", "UpSampling2D with bilinear interpolation", """
    keras.Input(shape=(3, 4, 2)),
    layers.UpSampling2D(2, interpolation='bilinear'),
""")
case("dropout_inference", "Dropout and SpatialDropout are the identity at inference", """
    keras.Input(shape=(4, 4, 2)),
    layers.Dropout(0.5),
    layers.SpatialDropout2D(0.3),
    layers.Reshape((16, 2)),
    layers.SpatialDropout1D(0.2),
    layers.Dense(3),
""")

# ---- activations --------------------------------------------------------------
case("activations_a", "Activation layers: relu sigmoid tanh softmax elu selu (Dense in between)", """
    keras.Input(shape=(6,)),
    layers.Dense(6),
    layers.Activation('relu'),
    layers.Dense(6, activation='sigmoid'),
    layers.Dense(6),
    layers.Activation('tanh'),
    layers.Dense(6),
    layers.Activation('softmax'),
    layers.Dense(6, activation='elu'),
    layers.Dense(6),
    layers.Activation('selu'),
""", input_scale=3.0)
case("activations_b", "Activation layers: gelu swish softplus softsign hard_sigmoid exponential linear", """
    keras.Input(shape=(6,)),
    layers.Dense(6, activation='gelu'),
    layers.Dense(6),
    layers.Activation('swish'),
    layers.Dense(6, activation='softplus'),
    layers.Dense(6),
    layers.Activation('softsign'),
    layers.Dense(6),
    layers.Activation('hard_sigmoid'),
    layers.Dense(6),
    layers.Activation('exponential'),
    layers.Dense(6, activation='linear'),
""", input_scale=3.0)
case("activation_layers", "LeakyReLU, ELU, ReLU (max_value, negative_slope, threshold) and Softmax layers", """
    keras.Input(shape=(3, 8)),
    layers.Dense(8),
    layers.LeakyReLU(),
    layers.Dense(8),
    layers.LeakyReLU(alpha=0.2),
    layers.Dense(8),
    layers.ELU(),
    layers.Dense(8),
    layers.ELU(alpha=0.7),
    layers.Dense(8),
    layers.ReLU(),
    layers.Dense(8),
    layers.ReLU(max_value=1.0),
    layers.Dense(8),
    layers.ReLU(max_value=2.0, negative_slope=0.1, threshold=0.3),
    layers.Dense(8),
    layers.ReLU(negative_slope=0.2),
    layers.Dense(8),
    layers.Softmax(),
    layers.Dense(8),
    layers.Softmax(axis=1),
""", input_scale=3.0)

# ---- small whole networks --------------------------------------------------------------
case("seed_small", "The seed article's Flatten-head CNN at 18x18x3 with fewer filters", """
    keras.Input(shape=(18, 18, 3)),
    layers.Conv2D(4, (3, 3), activation='relu'),
    layers.Conv2D(4, (3, 3), activation='relu'),
    layers.MaxPooling2D((2, 2), (2, 2)),
    layers.BatchNormalization(),
    layers.Conv2D(8, (3, 3), activation='relu'),
    layers.Conv2D(8, (3, 3), activation='relu'),
    layers.MaxPooling2D((2, 2), (2, 2)),
    layers.BatchNormalization(),
    layers.Flatten(),
    layers.Dropout(0.3),
    layers.Dense(16, activation='relu'),
    layers.Dense(8, activation='relu'),
    layers.Dense(10, activation='softmax'),
""")
case("seed_small_gap", "The seed article's global-average-pooling CNN at 18x18x3 with fewer filters", """
    keras.Input(shape=(18, 18, 3)),
    layers.Conv2D(4, (3, 3), activation='relu'),
    layers.Conv2D(4, (3, 3), activation='relu'),
    layers.MaxPooling2D((2, 2), (2, 2)),
    layers.BatchNormalization(),
    layers.Conv2D(8, (3, 3), activation='relu'),
    layers.Conv2D(8, (3, 3), activation='relu'),
    layers.MaxPooling2D((2, 2), (2, 2)),
    layers.BatchNormalization(),
    layers.GlobalAveragePooling2D(),
    layers.Dropout(0.3),
    layers.Dense(10, activation='softmax'),
""")
case("conv_autoencoder", "Tiny conv autoencoder: Conv2D, MaxPooling, Conv2DTranspose, UpSampling", """
    keras.Input(shape=(8, 8, 1)),
    layers.Conv2D(4, 3, activation='relu', padding='same'),
    layers.MaxPooling2D(2, padding='same'),
    layers.Conv2D(4, 3, activation='relu', padding='same'),
    layers.MaxPooling2D(2, padding='same'),
    layers.Conv2DTranspose(4, 3, strides=2, activation='relu', padding='same'),
    layers.UpSampling2D(2),
    layers.Conv2D(1, 3, activation='sigmoid', padding='same'),
""")
case("mobilenet_block", "MobileNet block: Conv2D, BN, ReLU(6.), DepthwiseConv2D, 1x1 Conv2D, GAP, Dense", """
    keras.Input(shape=(9, 9, 3)),
    layers.Conv2D(4, 3, strides=2, padding='same', use_bias=False),
    layers.BatchNormalization(),
    layers.ReLU(6.),
    layers.DepthwiseConv2D(3, padding='same', use_bias=False),
    layers.BatchNormalization(),
    layers.ReLU(6.),
    layers.Conv2D(8, 1, use_bias=False),
    layers.BatchNormalization(),
    layers.ReLU(6.),
    layers.GlobalAveragePooling2D(),
    layers.Dense(3, activation='softmax'),
""")
case("conv1d_text", "1D CNN: Conv1D, MaxPooling1D, GlobalMaxPooling1D, Dense sigmoid", """
    keras.Input(shape=(20, 4)),
    layers.Conv1D(6, 5, activation='relu'),
    layers.MaxPooling1D(2),
    layers.Conv1D(6, 3, padding='same', activation='relu'),
    layers.GlobalMaxPooling1D(),
    layers.Dense(1, activation='sigmoid'),
""")


def model_source(name):
    description, body, _ = CASES[name]
    lines = ["# Forward-pass fixture " + name + ": " + description + ".", HEADER.rstrip("\n"), ""]
    lines.append("model = keras.Sequential([")
    lines += ["    " + l for l in body.splitlines()]
    lines.append("], name=" + repr(name) + ")")
    return "\n".join(lines) + "\n"


def random_weight(rng, name, shape):
    """Non-trivial, well-scaled random values for a weight, by its role."""
    short = name.split("/")[-1].split(":")[0]
    if short == "moving_variance":
        return rng.uniform(0.5, 2.0, size=shape)
    if short == "moving_mean":
        return rng.normal(0.0, 0.5, size=shape)
    if short == "gamma":
        return rng.uniform(0.5, 1.5, size=shape)
    if short in ("beta", "bias"):
        return rng.normal(0.0, 0.2, size=shape)
    # kernels: fan-in scaled normal
    if short == "depthwise_kernel":
        fan_in = int(np.prod(shape[:-2]))
    elif "transpose" in name and len(shape) >= 3:
        fan_in = int(np.prod(shape[:-2])) * int(shape[-1])
    else:
        fan_in = int(np.prod(shape[:-1])) if len(shape) > 1 else 1
    return rng.normal(0.0, 1.0 / np.sqrt(max(fan_in, 1)), size=shape)


def build(name):
    tf_keras.backend.clear_session()
    src = model_source(name)
    ns = {"__name__": "__main__"}
    exec(compile(src, name + ".py", "exec"), ns)
    return src, ns["model"]


def run_case(name):
    src, model = build(name)
    seed = zlib.crc32(name.encode())
    rng = np.random.default_rng(seed)
    weights = {}
    for w in model.weights:
        value = random_weight(rng, w.name, tuple(int(d) for d in w.shape)).astype(np.float32)
        w.assign(value)
        assert w.name not in weights, w.name
        weights[w.name] = value
    scale = CASES[name][2]
    in_shape = (2,) + tuple(int(d) for d in model.input_shape[1:])
    x = (rng.normal(0.0, 1.0, size=in_shape) * scale).astype(np.float32)
    y = model.predict(x, verbose=0).astype(np.float32)
    probe = tf_keras.Model(model.inputs, [l.output for l in model.layers])
    outs = probe.predict(x, verbose=0)
    if not isinstance(outs, list):
        outs = [outs]
    per_layer = {l.name: o.astype(np.float32) for l, o in zip(model.layers, outs)}
    # The probe graph may fuse ops differently from model.predict: tiny float differences.
    diff = float(np.max(np.abs(per_layer[model.layers[-1].name] - y))) if y.size else 0.0
    assert diff <= 1e-5 * max(1.0, float(np.max(np.abs(y)))), (name, diff)

    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{name}.py").write_text(src)
    np.savez(OUT / f"{name}.weights.npz", **weights)
    np.save(OUT / f"{name}.input.npy", x)
    np.save(OUT / f"{name}.output.npy", y)
    np.savez(OUT / f"{name}.layers.npz", **per_layer)
    return {
        "name": name,
        "description": CASES[name][0],
        "seed": seed,
        "input_shape": list(x.shape),
        "output_shape": list(y.shape),
        "weights": [{"name": k, "shape": list(v.shape)} for k, v in weights.items()],
        "layers": [{"name": l.name, "class_name": l.__class__.__name__,
                    "output_shape": list(per_layer[l.name].shape)} for l in model.layers],
    }


def main(argv):
    names = argv or list(CASES)
    index = []
    for name in names:
        index.append(run_case(name))
        size = sum((OUT / f).stat().st_size for f in
                   (f"{name}.py", f"{name}.weights.npz", f"{name}.input.npy",
                    f"{name}.output.npy", f"{name}.layers.npz"))
        print(f"{name}: {size} bytes", file=sys.stderr)
    if not argv:
        (OUT / "index.json").write_text(json.dumps({
            "keras_version": tf_keras.__version__,
            "tensorflow_version": tf.__version__,
            "numpy_version": np.__version__,
            "cases": index,
        }, indent=1) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
