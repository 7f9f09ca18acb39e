#!/usr/bin/env python3
"""Write small forward-pass fixtures computed by a real tf-keras.

Usage (see README.md):
    TF_USE_LEGACY_KERAS=1 ~/keras-ref/bin/python Tools/keras-reference/make_forward_fixtures.py [NAME ...]
    TF_USE_LEGACY_KERAS=1 ~/keras-ref/bin/python Tools/keras-reference/make_forward_fixtures.py --graphs [NAME ...]

With --graphs it writes the functional-graph cases (GRAPH_CASES: merges, tensor arithmetic, shared
layers, nested models, several inputs and outputs, attention, TimeDistributed; named cases update
their entries of index.json) to Tests/Fixtures/keras/forward-graphs/:
NAME.py (binds `model`), NAME.weights.npz, NAME.inputs.npz (`input_0`, `input_1`, ... in
`model.inputs` order, batch 2, seeded) and NAME.outputs.npz (`output_0`, ... in `model.outputs`
order), plus forward-graphs/index.json.

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
case("prelu", "PReLU with an alpha per value, shared over the spatial axes, and after Dense", """
    keras.Input(shape=(5, 6, 3)),
    layers.Conv2D(4, 3, padding='same'),
    layers.PReLU(),
    layers.Conv2D(4, 3),
    layers.PReLU(shared_axes=[1, 2]),
    layers.Flatten(),
    layers.Dense(5),
    layers.PReLU(),
""")
case("repeat_vector", "RepeatVector between Dense layers", """
    keras.Input(shape=(6,)),
    layers.Dense(4),
    layers.RepeatVector(3),
    layers.Dense(2),
""")
case("group_unit_normalization", "GroupNormalization (groups, per-channel groups without beta) and UnitNormalization", """
    keras.Input(shape=(4, 5, 8)),
    layers.Conv2D(8, 3, padding='same'),
    layers.GroupNormalization(groups=4),
    layers.Conv2D(6, 1),
    layers.GroupNormalization(groups=-1, center=False, epsilon=1e-5),
    layers.Flatten(),
    layers.Dense(5),
    layers.UnitNormalization(),
""")
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


# ---- functional graphs (--graphs) ---------------------------------------------
GRAPH_OUT = ROOT / "Tests" / "Fixtures" / "keras" / "forward-graphs"
# name -> (description, full model code binding `model`)
GRAPH_CASES = {}


def graph_case(name, description, code):
    GRAPH_CASES[name] = (description, textwrap.dedent(code).strip("\n") + "\n")


graph_case("residual_block", "Two residual blocks: identity and 1x1-projection shortcuts, BatchNorm, Add", """
    inputs = keras.Input(shape=(10, 10, 8))
    x = layers.Conv2D(8, 3, padding="same", use_bias=False)(inputs)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    x = layers.Conv2D(8, 3, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    x = layers.Add()([x, inputs])
    block1 = layers.Activation("relu")(x)
    y = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(block1)
    y = layers.Conv2D(16, 3, padding="same")(y)
    shortcut = layers.Conv2D(16, 1, strides=2)(block1)
    y = layers.add([shortcut, y])
    y = layers.ReLU()(y)
    y = layers.GlobalAveragePooling2D()(y)
    outputs = layers.Dense(4, activation="softmax")(y)
    model = keras.Model(inputs, outputs)
""")
graph_case("inception_block", "Inception-style branches (1x1, 3x3, 5x5, pooling) joined by Concatenate on channels and on an inner axis", """
    inputs = keras.Input(shape=(9, 9, 6))
    b1 = layers.Conv2D(4, 1, activation="relu")(inputs)
    b2 = layers.Conv2D(3, 1, activation="relu")(inputs)
    b2 = layers.Conv2D(5, 3, padding="same", activation="relu")(b2)
    b3 = layers.Conv2D(2, 1, activation="relu")(inputs)
    b3 = layers.Conv2D(3, 5, padding="same", activation="relu")(b3)
    b4 = layers.MaxPooling2D(3, strides=1, padding="same")(inputs)
    b4 = layers.Conv2D(2, 1, activation="relu")(b4)
    mixed = layers.concatenate([b1, b2, b3, b4])
    rows = layers.Concatenate(axis=1)([mixed, layers.Conv2D(14, 1)(mixed)])
    pooled = layers.GlobalMaxPooling2D()(rows)
    model = keras.Model(inputs, layers.Dense(3)(pooled))
""")
graph_case("squeeze_excitation", "Squeeze-and-excitation: GlobalAveragePooling2D, Dense, Dense sigmoid, Reshape, Multiply", """
    inputs = keras.Input(shape=(7, 6, 12))
    features = layers.Conv2D(12, 3, padding="same", activation="relu")(inputs)
    se = layers.GlobalAveragePooling2D()(features)
    se = layers.Dense(3, activation="relu")(se)
    se = layers.Dense(12, activation="sigmoid")(se)
    se = layers.Reshape((1, 1, 12))(se)
    scaled = layers.Multiply()([features, se])
    model = keras.Model(inputs, layers.add([scaled, inputs]))
""")
graph_case("two_inputs", "Two inputs through Subtract, Maximum, Minimum, Average, Dot (normalized and not) and Concatenate", """
    left = keras.Input(shape=(6,), name="left")
    right = keras.Input(shape=(6,), name="right")
    a = layers.Dense(5, activation="tanh")(left)
    b = layers.Dense(5, activation="tanh")(right)
    diff = layers.Subtract()([a, b])
    high = layers.Maximum()([a, b, diff])
    low = layers.minimum([a, b])
    mean = layers.Average()([a, b, high])
    cosine = layers.Dot(axes=1, normalize=True)([a, b])
    inner = layers.dot([high, low], axes=-1)
    joined = layers.Concatenate()([diff, mean, cosine, inner])
    model = keras.Model(inputs=[left, right], outputs=layers.Dense(2)(joined))
""")
graph_case("nested_models", "A Sequential and a functional model (itself a graph) called as layers of another model", """
    stem = keras.Sequential([
        layers.Conv2D(6, 3, activation="relu"),
        layers.MaxPooling2D(),
    ], name="stem")
    block_in = keras.Input(shape=(4, 4, 6))
    branch = layers.Conv2D(6, 1, activation="relu")(block_in)
    block = keras.Model(block_in, layers.Add()([block_in, branch]), name="block")
    inputs = keras.Input(shape=(10, 10, 2))
    x = stem(inputs)
    x = block(x, training=False)
    x = layers.Flatten()(x)
    model = keras.Model(inputs, layers.Dense(3)(x))
""")
graph_case("tensor_arithmetic", "Arithmetic on Keras tensors (TFOpLambda): x + y, x * 0.5, -x, 1 - x, x / 4, broadcasting a (1, 1, C) map", """
    inputs = keras.Input(shape=(5, 5, 4))
    x = layers.Conv2D(4, 3, padding="same")(inputs)
    y = x + inputs
    y = y * 0.5
    z = -y
    z = 1.0 - z
    gate = layers.GlobalAveragePooling2D(keepdims=True)(inputs)
    w = z * gate
    w = w / 4.0
    w = w - gate
    model = keras.Model(inputs, layers.Flatten()(w))
""")
graph_case("siamese_shared", "A shared Dense encoder (weights used twice) and Dot of sequences along their features", """
    first = keras.Input(shape=(3, 5))
    second = keras.Input(shape=(4, 5))
    encoder = layers.Dense(6, activation="relu")
    a = encoder(first)
    b = encoder(second)
    similarity = layers.Dot(axes=(2, 2))([a, b])
    model = keras.Model([first, second], layers.Flatten()(similarity))
""")
graph_case("unet_outputs", "A small U-Net (Conv2DTranspose, skip Concatenate) with two outputs", """
    image = keras.Input(shape=(8, 8, 2))
    e1 = layers.Conv2D(4, 3, padding="same", activation="relu")(image)
    p1 = layers.MaxPooling2D()(e1)
    e2 = layers.Conv2D(8, 3, padding="same", activation="relu")(p1)
    u1 = layers.Conv2DTranspose(4, 2, strides=2)(e2)
    d1 = layers.concatenate([u1, e1])
    mask = layers.Conv2D(1, 1, activation="sigmoid")(d1)
    score = layers.Dense(2)(layers.GlobalAveragePooling2D()(e2))
    model = keras.Model(image, [mask, score])
""")
graph_case("lambda_layers", "Lambda layers of tensor arithmetic on one tensor and on a list of two", """
    def blend(pair):
        a, b = pair
        return 0.75 * a - b / 4.0

    inputs = keras.Input(shape=(6, 6, 3))
    scaled = layers.Lambda(lambda x: x / 2.0 - 1.0)(inputs)
    conv = layers.Conv2D(3, 3, padding="same")(scaled)
    mixed = layers.Lambda(blend, name="blend")([conv, scaled])
    squared = layers.Lambda(lambda t: -(t * t))(mixed)
    model = keras.Model(inputs, layers.Flatten()(squared))
""")

graph_case("siamese_euclidean", "A siamese pair: a shared tower and the euclidean distance of keras.backend functions in a Lambda (K.sum, K.square, K.sqrt, K.maximum, K.epsilon)", """
    import tensorflow as tf
    from tensorflow.keras import backend as K

    def euclidean_distance(vects):
        x, y = vects
        sum_square = K.sum(K.square(x - y), axis=1, keepdims=True)
        return K.sqrt(K.maximum(sum_square, K.epsilon()))

    tower_in = keras.Input(shape=(8, 8, 2))
    t = layers.Conv2D(4, 3, activation="relu")(tower_in)
    t = layers.GlobalAveragePooling2D()(t)
    tower = keras.Model(tower_in, layers.Dense(5, activation="tanh")(t), name="tower")
    left = keras.Input(shape=(8, 8, 2))
    right = keras.Input(shape=(8, 8, 2))
    distance = layers.Lambda(euclidean_distance)([tower(left), tower(right)])
    l1 = layers.Lambda(lambda p: tf.abs(p[0] - p[1]))([tower(left), tower(right)])
    model = keras.Model([left, right], [distance, layers.Dense(1, activation="sigmoid")(l1)])
""")
graph_case("tensor_functions", "TensorFlow functions called on Keras tensors (TFOpLambda): reductions, l2_normalize, concat, stack, expand_dims, squeeze, reshape, transpose, resize, matmul, clip, activations, unary math", """
    import tensorflow as tf

    inputs = keras.Input(shape=(6, 5, 3))
    x = layers.Conv2D(4, 3, padding="same")(inputs)
    a = tf.nn.relu(x) + tf.sigmoid(x) * tf.tanh(x) - tf.nn.softplus(x)
    m = tf.reduce_mean(a, axis=[1, 2], keepdims=True)
    mx = tf.reduce_max(a, axis=-1, keepdims=True)
    mn = tf.math.reduce_min(a, axis=2, keepdims=True)
    s = tf.reduce_sum(tf.square(a), axis=3, keepdims=True)
    g = a * tf.sigmoid(m) + mx - mn + tf.sqrt(s + 1.0) + tf.exp(-tf.abs(a)) + tf.math.log(s + 2.0)
    g = tf.clip_by_value(g, -2.0, 2.0) + tf.maximum(a, 0.1) + tf.minimum(a, y=-0.1)
    n = tf.nn.l2_normalize(g, axis=-1)
    c = tf.concat([n, g], axis=-1)
    st = tf.stack([n, g], axis=1)
    st = tf.reshape(st, [-1, 2 * 6 * 5 * 4])
    e = tf.squeeze(tf.expand_dims(c, 1), axis=1)
    t = tf.transpose(e, [0, 2, 1, 3])
    r = tf.image.resize(t, (7, 4))
    rn = tf.image.resize(t, [3, 8], method="nearest")
    flat = tf.reshape(r, (-1, 7 * 4 * 8))
    q = layers.Dense(6)(flat)
    k = layers.Dense(6)(tf.reshape(rn, [-1, 3 * 8 * 8]))
    att = tf.nn.softmax(tf.matmul(tf.expand_dims(q, 2), tf.expand_dims(k, 1)), axis=-1)
    out = tf.concat([tf.reshape(att, [-1, 36]), st, tf.pow(tf.reduce_mean(a, axis=[1, 2]), 2.0)], axis=1)
    model = keras.Model(inputs, out)
""")
graph_case("slicing", "Python indexing of Keras tensors (SlicingOpLambda): channels, an index, strides, reversal, a new axis; in a Lambda too", """
    import tensorflow as tf

    image = keras.Input(shape=(9, 8, 4))
    rgb = image[..., :3]
    depth = image[..., 3:]
    row = rgb[:, 0]
    corner = rgb[:, 1:7:2, ::3, :]
    flipped = rgb[:, ::-1, :, ::-1]
    last = depth[:, -1, -2:]
    inserted = row[:, None, 2:5]
    conv = layers.Conv2D(2, 3)(flipped)
    picked = layers.Lambda(lambda t: t[:, 1:-1, 2, :] * 2.0)(conv)
    out = layers.concatenate([
        layers.Flatten()(corner), layers.Flatten()(last), layers.Flatten()(inserted),
        layers.Flatten()(picked), layers.Flatten()(row),
    ])
    model = keras.Model(image, out)
""")

graph_case("attention_ops", "CBAM-style attention and a non-local block of TensorFlow functions: channel mean/max, tf.tile, tf.matmul, softmax, keras.activations on a tensor", """
    import tensorflow as tf

    inputs = keras.Input(shape=(5, 4, 6))
    x = layers.Conv2D(6, 3, padding="same")(inputs)
    avg = tf.reduce_mean(x, axis=-1, keepdims=True)
    mx = tf.reduce_max(x, axis=-1, keepdims=True)
    spatial = layers.Conv2D(1, 3, padding="same", activation="sigmoid")(tf.concat([avg, mx], axis=-1))
    x = x * tf.tile(spatial, [1, 1, 1, 6])
    flat = layers.Reshape((20, 6))(x)
    affinity = layers.Lambda(lambda t: tf.nn.softmax(tf.matmul(t, t, transpose_b=True), axis=-1))(flat)
    y = layers.Lambda(lambda p: tf.matmul(p[0], p[1]))([affinity, flat])
    y = keras.activations.relu(y) + keras.activations.sigmoid(y)
    model = keras.Model(inputs, layers.Flatten()(y))
""")

graph_case("elementwise_functions", "Element-wise TensorFlow functions on Keras tensors: the tf.nn activations, rounding, sign, reciprocal, log1p, squared difference, reduce_prod, keras.backend forms", """
    import tensorflow as tf
    from tensorflow.keras import backend as K

    inputs = keras.Input(shape=(3, 4, 5))
    x = layers.Conv2D(5, 1)(inputs)
    acts = [tf.nn.relu6(x * 4.0), tf.nn.elu(x), tf.nn.selu(x), tf.nn.gelu(x), tf.nn.softsign(x),
            tf.nn.swish(x), tf.nn.leaky_relu(x), tf.nn.leaky_relu(x, alpha=0.05),
            tf.nn.log_softmax(x, axis=-1), tf.identity(x), K.relu(x), K.softplus(x), K.tanh(x)]
    maths = [tf.math.log1p(tf.abs(x)), tf.math.rsqrt(tf.abs(x) + 0.5), tf.math.reciprocal(x + 3.0),
             tf.sign(x), tf.floor(x * 3.0), tf.math.ceil(x * 3.0), tf.round(x * 3.0), tf.negative(x),
             tf.math.squared_difference(x, inputs), tf.subtract(2.0, x), tf.divide(x, 4.0),
             tf.pow(tf.abs(x) + 1.0, 0.5), K.pow(x, 2), K.exp(-K.square(x)), K.log(K.abs(x) + 1.0),
             K.minimum(x, 0.25), K.sign(x)]
    prod = tf.reduce_prod(tf.sigmoid(x), axis=[1, 3], keepdims=True)
    total = acts[0]
    for t in acts[1:] + maths:
        total = total + t
    out = layers.Flatten()(total * prod)
    model = keras.Model(inputs, out)
""")

graph_case("normalisation_ops", "Normalisation written with TensorFlow functions: instance normalisation (reduce_mean, reduce_variance, rsqrt), per-sample standardisation (reduce_std, K.var, K.std) in a Lambda", """
    import tensorflow as tf
    from tensorflow.keras import backend as K

    def standardize(t):
        centered = t - K.mean(t, axis=[1, 2, 3], keepdims=True)
        return centered / (K.std(t, axis=[1, 2, 3], keepdims=True) + 1e-5)

    inputs = keras.Input(shape=(6, 5, 4))
    x = layers.Conv2D(4, 3, padding="same")(inputs)
    mean = tf.reduce_mean(x, axis=[1, 2], keepdims=True)
    variance = tf.math.reduce_variance(x, axis=[1, 2], keepdims=True)
    x = (x - mean) * tf.math.rsqrt(variance + 1e-3)
    x = layers.Lambda(standardize)(x)
    spread = tf.math.reduce_std(x, axis=-1) + K.var(x, axis=-1)
    model = keras.Model(inputs, [layers.Flatten()(x), layers.Flatten()(spread)])
""")

graph_case("padding_ops", "tf.pad (constant, with constant_values) before valid convolutions, directly and in a Lambda", """
    import tensorflow as tf

    inputs = keras.Input(shape=(5, 6, 2))
    x = tf.pad(inputs, [[0, 0], [1, 1], [2, 0], [0, 0]])
    x = layers.Conv2D(3, 3)(x)
    x = layers.Lambda(lambda t: tf.pad(t, [[0, 0], [0, 1], [1, 1], [0, 2]], constant_values=1.5))(x)
    model = keras.Model(inputs, layers.Flatten()(layers.Conv2D(2, 2)(x)))
""")

graph_case("mirror_padding", "tf.pad REFLECT and SYMMETRIC (any case) on Keras tensors and in a Lambda, tf.nn.moments instance normalisation in a Lambda", """
    import tensorflow as tf

    def instance_norm(t):
        mean, variance = tf.nn.moments(t, axes=[1, 2], keepdims=True)
        return (t - mean) / tf.sqrt(variance + 1e-5)

    inputs = keras.Input(shape=(5, 6, 2))
    x = tf.pad(inputs, [[0, 0], [3, 4], [2, 5], [0, 0]], 'REFLECT')
    x = layers.Conv2D(3, 3)(x)
    x = layers.Lambda(lambda t: tf.pad(t, [[0, 0], [0, 1], [2, 2], [1, 0]], mode='symmetric'))(x)
    x = layers.Lambda(instance_norm)(x)
    y = tf.pad(x, [[0, 0], [1, 1], [1, 1], [0, 0]], 'Reflect')
    model = keras.Model(inputs, layers.Flatten()(layers.Conv2D(2, 2)(y)))
""")

graph_case("backend_dot_attention", "K.dot in a custom layer's call: a (None, T, F) sequence times a (F, 1) weight and a (2, F, 3) weight (tf-keras' reshape-transpose-matmul contraction), the classic feed-forward attention pooling with K.tanh, K.exp, K.sum", """
    import tensorflow as tf
    from tensorflow.keras import backend as K

    class AttentionPool(layers.Layer):
        def build(self, input_shape):
            self.W = self.add_weight(name='W', shape=(input_shape[-1], 1), initializer='glorot_uniform')
            self.V = self.add_weight(name='V', shape=(2, input_shape[-1], 3), initializer='glorot_uniform')

        def call(self, x):
            e = K.tanh(K.squeeze(K.dot(x, self.W), -1))
            a = K.exp(e)
            a = a / K.sum(a, axis=1, keepdims=True)
            pooled = K.sum(x * K.expand_dims(a), axis=1)
            extra = K.sum(K.dot(x, self.V), axis=1)
            return K.concatenate([pooled, K.reshape(extra, (-1, 6))])

    inputs = keras.Input(shape=(7, 5))
    x = layers.Dense(4, activation='tanh')(inputs)
    model = keras.Model(inputs, AttentionPool()(x))
""")

graph_case("capsule_routing", "a capsule layer's dynamic routing in a custom call: tf.tile of a weight by tf.shape(x)[0], a 5-D tf.matmul with transpose_a, tf.zeros_like, softmax over routes, squash, tf.norm lengths in a Lambda", """
    import tensorflow as tf

    def squash(v, axis=-1):
        n = tf.reduce_sum(tf.square(v), axis, keepdims=True)
        return n / (1 + n) * v / tf.sqrt(n + 1e-7)

    class Capsules(layers.Layer):
        def build(self, input_shape):
            self.W = self.add_weight(name='W', shape=[input_shape[1], 3, input_shape[2], 4], initializer='glorot_uniform')

        def call(self, u):
            u = tf.expand_dims(tf.expand_dims(u, 2), -1)
            w = tf.tile(tf.expand_dims(self.W, 0), [tf.shape(u)[0], 1, 1, 1, 1])
            u_hat = tf.squeeze(tf.matmul(w, u, transpose_a=True), axis=-1)
            b = tf.zeros_like(u_hat[:, :, :, 0])
            for i in range(3):
                c = tf.nn.softmax(b, axis=2)
                v = squash(tf.reduce_sum(tf.expand_dims(c, -1) * u_hat, axis=1))
                if i < 2:
                    b += tf.reduce_sum(u_hat * tf.expand_dims(v, 1), axis=-1)
            return v

    inputs = keras.Input(shape=(6, 6, 2))
    x = layers.Conv2D(8, 3, strides=2)(inputs)
    x = layers.Lambda(squash)(layers.Reshape((-1, 4))(x))
    model = keras.Model(inputs, layers.Lambda(lambda z: tf.norm(z, axis=-1))(Capsules()(x)))
""")

graph_case("shape_pieces_in_call", "custom calls with shape arithmetic: a channel shuffle reshaping by K.shape pieces and c // g, tf.gather by a NumPy index array, tf.broadcast_to a tf.shape, // on a Keras tensor", """
    import numpy as np
    import tensorflow as tf
    from tensorflow.keras import backend as K

    class Shuffle(layers.Layer):
        def call(self, x):
            b, h, w, c = K.shape(x)[0], K.shape(x)[1], K.shape(x)[2], K.int_shape(x)[-1]
            x = K.reshape(x, [b, h, w, 2, c // 2])
            x = K.permute_dimensions(x, (0, 1, 2, 4, 3))
            return K.reshape(x, [b, h, w, c])

    class Pick(layers.Layer):
        def call(self, x):
            y = tf.gather(x, np.array([2, 0, 1]), axis=-1)
            z = tf.broadcast_to(tf.reduce_mean(x, axis=[1, 2], keepdims=True), tf.shape(x))
            half = tf.shape(x)[1] // 2
            return y + z * tf.cast(half, tf.float32)

    inputs = keras.Input(shape=(4, 5, 6))
    x = Shuffle()(layers.Conv2D(6, 3, padding='same')(inputs))
    x = Pick()(layers.Conv2D(3, 1)(x))
    model = keras.Model(inputs, layers.Flatten()(x * 3.0 // 1.0 + x))
""")


graph_case("vit_block", "A tiny vision transformer: Conv2D patch embedding, Reshape, pre-norm blocks of MultiHeadAttention (self-attention, dropout off at inference) and a gelu MLP with residual Adds, pooled head", """
    inputs = keras.Input(shape=(8, 8, 3))
    x = layers.Conv2D(12, 2, strides=2)(inputs)
    encoded = layers.Reshape((16, 12))(x)
    for _ in range(2):
        y = layers.LayerNormalization(epsilon=1e-6)(encoded)
        y = layers.MultiHeadAttention(num_heads=3, key_dim=4, dropout=0.1)(y, y)
        x2 = layers.Add()([y, encoded])
        y = layers.LayerNormalization(epsilon=1e-6)(x2)
        y = layers.Dense(24, activation="gelu")(y)
        y = layers.Dense(12)(y)
        encoded = layers.Add()([y, x2])
    x = layers.GlobalAveragePooling1D()(layers.LayerNormalization(epsilon=1e-6)(encoded))
    model = keras.Model(inputs, layers.Dense(5)(x))
""")

graph_case("mha_variants", "MultiHeadAttention: cross-attention with a key, value_dim, a tuple output_shape, no bias; attention over both spatial axes and over one axis of a 4-D feature map", """
    query = keras.Input(shape=(6, 10))
    memory = keras.Input(shape=(7, 9))
    keys = keras.Input(shape=(7, 5))
    cross = layers.MultiHeadAttention(num_heads=2, key_dim=3, value_dim=4, output_shape=(2, 3),
                                      use_bias=False)(query, memory, key=keys)
    image = keras.Input(shape=(4, 5, 6))
    spatial = layers.MultiHeadAttention(num_heads=2, key_dim=3, attention_axes=(1, 2))(image, image)
    rows = layers.MultiHeadAttention(num_heads=1, key_dim=4, attention_axes=2)(spatial, image)
    model = keras.Model([query, memory, keys, image], [cross, rows])
""")

graph_case("shape_functions", "tf.shape / K.shape sizes in tf.reshape (dynamic batch, products of sizes, a whole shape tensor), tf.nn.space_to_depth and depth_to_space (ESPCN), directly and in a Lambda", """
    import tensorflow as tf
    from tensorflow.keras import backend as K

    inputs = keras.Input(shape=(6, 4, 3))
    x = layers.Conv2D(8, 3, padding="same")(inputs)
    s = tf.shape(x)
    rows = tf.reshape(x, (s[0], s[1] * s[2], 8))
    rows = layers.Dense(5)(rows)
    back = tf.reshape(rows[..., :4], [s[0], 6, -1, 4])
    packed = tf.nn.space_to_depth(x, 2)
    unpacked = tf.nn.depth_to_space(layers.Conv2D(12, 1)(packed), 2)
    same = tf.reshape(unpacked, tf.shape(unpacked))

    def flatten_keep_batch(t):
        shape = K.shape(t)
        return K.reshape(t, (shape[0], -1)) * 0.5

    flat = layers.Lambda(flatten_keep_batch)(same)
    upscaled = tf.nn.depth_to_space(layers.Conv2D(4 * 4, 3, padding="same")(inputs), 2)
    model = keras.Model(inputs, [rows, back, flat, upscaled])
""")

graph_case("patch_functions", "tf.image.extract_patches as ViT patches (VALID, reshaped with tf.shape's batch) and with SAME padding, strides and rates, into Dense layers", """
    import tensorflow as tf

    images = keras.Input(shape=(8, 8, 3))
    patches = tf.image.extract_patches(images=images, sizes=[1, 4, 4, 1], strides=[1, 4, 4, 1],
                                       rates=[1, 1, 1, 1], padding="VALID")
    batch = tf.shape(patches)[0]
    tokens = layers.Dense(6)(tf.reshape(patches, [batch, -1, 48]))
    dilated = tf.image.extract_patches(images, [1, 3, 2, 1], [1, 2, 3, 1], [1, 2, 1, 1], "SAME")
    windows = layers.Dense(4)(dilated)
    model = keras.Model(images, [tokens, windows])
""")

graph_case("select_functions", "Comparisons of Keras tensors (tf.math.greater, less_equal, ...), tf.where with tensors and numbers, tf.gather along an axis and at one index, tf.math.greater_equal in a Lambda", """
    import tensorflow as tf

    inputs = keras.Input(shape=(6, 5))
    x = layers.Dense(5)(inputs)
    relu_like = tf.where(x > 0, x, 0.1 * x)
    clipped = tf.where(x <= -0.5, -0.5, tf.where(0.5 < x, 0.5, x))
    rows = tf.gather(relu_like, [4, 0, 2, 2], axis=1)
    column = tf.gather(clipped, 3, axis=2)
    gate = layers.Lambda(lambda t: tf.cast(tf.math.greater_equal(t, 0.0), "float32") * t)(x)
    model = keras.Model(inputs, [rows, column, layers.Dense(3)(gate + clipped)])
""")

graph_case("resize_to_skip", "U-Net style decoder resizing with tf.image.resize to the size of a skip connection taken from tf.shape (bilinear and nearest), then Concatenate", """
    import tensorflow as tf

    inputs = keras.Input(shape=(9, 7, 2))
    skip = layers.Conv2D(4, 3, padding="same", activation="relu")(inputs)
    down = layers.Conv2D(6, 3, strides=2, padding="same", activation="relu")(skip)
    up = tf.image.resize(down, tf.shape(skip)[1:3])
    near = tf.image.resize(down, size=(tf.shape(skip)[1], tf.shape(skip)[2]), method="nearest")
    merged = layers.Concatenate()([up, near, skip])
    model = keras.Model(inputs, layers.Conv2D(3, 1)(merged))
""")

graph_case("dense_attention", "Attention (dot with a learned scale, concat) and AdditiveAttention on [query, value] and [query, value, key]; Attention along the rows of a 4-D feature map", """
    query = keras.Input(shape=(5, 6))
    value = keras.Input(shape=(7, 4))
    key = keras.Input(shape=(7, 6))
    dot = layers.Attention(use_scale=True)([query, value, key])
    concat = layers.Attention(use_scale=True, score_mode="concat")([query, value, key])
    additive = layers.AdditiveAttention()([query, key])
    plain = layers.AdditiveAttention(use_scale=False)([query, key, key])
    image = keras.Input(shape=(3, 5, 6))
    rows = layers.Attention(use_scale=True)([image, image])
    model = keras.Model([query, value, key, image],
                        [layers.Concatenate()([dot, concat, additive, plain]), rows])
""")

graph_case("causal_attention", "use_causal_mask=True in MultiHeadAttention (self- and cross-attention of unequal lengths) and in Attention", """
    query = keras.Input(shape=(6, 8))
    memory = keras.Input(shape=(4, 8))
    self_attention = layers.MultiHeadAttention(num_heads=2, key_dim=4)(query, query, use_causal_mask=True)
    cross = layers.MultiHeadAttention(num_heads=2, key_dim=4)(self_attention, memory, use_causal_mask=True)
    dot = layers.Attention()([cross, memory], use_causal_mask=True)
    model = keras.Model([query, memory], [cross, dot])
""")

graph_case("time_distributed", "Video frames through TimeDistributed Conv2D, MaxPooling2D, BatchNormalization, Flatten, Dense and Dropout", """
    clips = keras.Input(shape=(3, 8, 8, 2))
    x = layers.TimeDistributed(layers.Conv2D(4, 3, activation="relu"))(clips)
    x = layers.TimeDistributed(layers.MaxPooling2D())(x)
    x = layers.TimeDistributed(layers.BatchNormalization())(x)
    x = layers.TimeDistributed(layers.Flatten())(x)
    x = layers.TimeDistributed(layers.Dense(5, activation="tanh"))(x)
    model = keras.Model(clips, layers.TimeDistributed(layers.Dropout(0.5))(x))
""")

graph_case("custom_layers", "Custom layers (keras.layers.Layer subclasses): Conv2D, BatchNormalization and tf.nn.relu chained in call(), nested in a residual block with layers.add", """
    import tensorflow as tf


    class ConvBNReLU(layers.Layer):
        def __init__(self, filters, **kwargs):
            super().__init__(**kwargs)
            self.conv = layers.Conv2D(filters, 3, padding="same")
            self.bn = layers.BatchNormalization()

        def call(self, inputs, training=False):
            return tf.nn.relu(self.bn(self.conv(inputs), training=training))


    class Residual(layers.Layer):
        def __init__(self, filters, **kwargs):
            super().__init__(**kwargs)
            self.block = ConvBNReLU(filters)
            self.project = layers.Conv2D(filters, 1)

        def call(self, inputs):
            return layers.add([self.block(inputs), self.project(inputs)])


    inputs = keras.Input(shape=(8, 8, 3))
    x = ConvBNReLU(4)(inputs)
    x = Residual(6)(x)
    x = layers.GlobalAveragePooling2D()(x)
    model = keras.Model(inputs, layers.Dense(3)(x))
""")


graph_case("mha_scores", "MultiHeadAttention return_attention_scores=True: cross-attention output and the (batch, heads, Tq, Tk) scores, with a causal self-attention's scores", """
    query = keras.Input(shape=(5, 6))
    value = keras.Input(shape=(7, 4))
    attended, scores = layers.MultiHeadAttention(num_heads=2, key_dim=3)(
        query, value, return_attention_scores=True)
    _, causal = layers.MultiHeadAttention(num_heads=3, key_dim=2)(
        attended, attended, return_attention_scores=True, use_causal_mask=True)
    model = keras.Model([query, value], [attended, scores, causal])
""")


graph_case("nested_several_outputs", "A feature extractor with three outputs called as one layer of a U-Net-style decoder (its outputs feed the skips), and a two-input model called on a list", """
    enc_in = keras.Input(shape=(8, 8, 3))
    f1 = layers.Conv2D(4, 3, padding="same", activation="relu")(enc_in)
    f2 = layers.Conv2D(6, 3, strides=2, padding="same", activation="relu")(f1)
    f3 = layers.Conv2D(8, 3, strides=2, padding="same", activation="relu")(f2)
    encoder = keras.Model(enc_in, [f1, f2, f3], name="encoder")
    left = keras.Input(shape=(2, 2, 8))
    right = keras.Input(shape=(2, 2, 8))
    pair = keras.Model([left, right], layers.Multiply()([left, layers.Dense(8)(right)]), name="pair")
    image = keras.Input(shape=(8, 8, 3))
    skips = encoder(image)
    x = pair([skips[2], skips[2]])
    for skip in reversed(skips[:-1]):
        x = layers.Conv2DTranspose(4, 3, strides=2, padding="same")(x)
        x = layers.Concatenate()([x, skip])
    model = keras.Model(image, [layers.Conv2D(2, 1)(x), skips[1]])
""")


graph_case("mha_attention_mask", "MultiHeadAttention with attention_mask= (a (batch, Tq, Tk) 0/1 input, rows that hide every key included), combined with use_causal_mask, and a cross-attention with a key and a mask returning its scores", """
    tokens = keras.Input(shape=(5, 6))
    allowed = keras.Input(shape=(5, 5), name="allowed_mask")
    memory = keras.Input(shape=(3, 4))
    cross_mask = keras.Input(shape=(5, 3), name="cross_mask")
    x = layers.MultiHeadAttention(num_heads=2, key_dim=3)(tokens, tokens, attention_mask=allowed)
    y = layers.MultiHeadAttention(num_heads=2, key_dim=2)(
        x, x, attention_mask=allowed, use_causal_mask=True)
    z, scores = layers.MultiHeadAttention(num_heads=2, key_dim=2)(
        y, memory, memory, attention_mask=cross_mask, return_attention_scores=True)
    model = keras.Model([tokens, allowed, memory, cross_mask], [z, scores])
""")


graph_case("attention_explicit_masks", "Attention and AdditiveAttention with mask=[query_mask, value_mask] given as bool inputs (a None query mask in the second; a query row and a value row masked out)", """
    query = keras.Input(shape=(4, 6))
    value = keras.Input(shape=(5, 6))
    query_mask = keras.Input(shape=(4,), dtype="bool", name="query_mask")
    value_mask = keras.Input(shape=(5,), dtype="bool", name="value_mask")
    dot = layers.Attention(use_scale=True)([query, value], mask=[query_mask, value_mask])
    additive = layers.AdditiveAttention()([dot, value, value], mask=[None, value_mask])
    model = keras.Model([query, value, query_mask, value_mask], [dot, additive])
""")


graph_case("split_unstack", "tf.split into equal pieces and by sizes (one inferred with -1), tf.unstack along a spatial axis, the pieces recombined by tf.concat, tf.stack and Add (the VGG16 BGR reordering of a real model file)", """
    import tensorflow as tf
    inputs = keras.Input(shape=(5, 4, 6))
    red, green, blue = tf.split(axis=3, num_or_size_splits=3, value=inputs)
    bgr = tf.concat(axis=3, values=[blue - 103.939, green - 116.779, red - 123.68])
    small, rest = tf.split(inputs, [1, -1], axis=-1)
    rows = tf.unstack(inputs, axis=1)
    x = layers.Conv2D(3, 3, padding="same")(tf.concat([bgr, rest * 0.5, small], axis=-1))
    summed = layers.Add()([rows[0], rows[4], rows[2]])
    stacked = tf.stack(rows[1:3], axis=1)
    model = keras.Model(inputs, [x, summed, stacked])
""")


graph_case("pool_functions", "tf.nn.max_pool / avg_pool (and their 2d forms) on Keras tensors: SAME and VALID windows, ksize and strides as numbers, pairs and [1, k, k, 1] (the pooling of a VGG port written with TensorFlow functions)", """
    import tensorflow as tf
    inputs = keras.Input(shape=(9, 7, 4))
    x = layers.Conv2D(6, 3, padding="same", activation="relu")(inputs)
    a = tf.nn.max_pool(x, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding="SAME", name="pool1")
    b = tf.nn.avg_pool(x, ksize=3, strides=1, padding="VALID")
    c = tf.nn.max_pool2d(b, 2, 2, "VALID")
    d = tf.nn.avg_pool2d(x, ksize=(3, 2), strides=(2, 3), padding="SAME")
    model = keras.Model(inputs, [a, c, d])
""")


graph_case("merge_ranks", "Merge layers on inputs of different ranks: Keras expands the lower-rank input after its batch axis ((N, C) meets (N, H, W, C) as (N, 1, 1, C)): channel attention by Add and Multiply, Maximum, Average, Subtract and the add/multiply functions", """
    inputs = keras.Input(shape=(5, 4, 6))
    features = layers.Conv2D(6, 3, padding="same")(inputs)
    pooled = layers.GlobalAveragePooling2D()(features)
    peak = layers.GlobalMaxPooling2D()(features)
    gate = layers.Activation("sigmoid")(layers.Add()([layers.Dense(6)(pooled), layers.Dense(6)(peak)]))
    scaled = layers.Multiply()([gate, features])
    rows = layers.Reshape((20, 6))(features)
    lifted = layers.maximum([rows, layers.Dense(6)(pooled)])
    mean = layers.Average()([peak, rows, lifted])
    diff = layers.Subtract()([layers.Dense(1)(pooled), rows])
    both = layers.add([scaled, layers.multiply([pooled, peak])])
    model = keras.Model(inputs, [both, mean, diff])
""")


graph_case("attention_gate_repeat", "An attention gate of an Attention U-Net: the one-channel gate repeated over the feature channels by K.repeat_elements in a Lambda (with arguments=), then multiplied; the gate upsampled by UpSampling2D and Conv2DTranspose", """
    from tensorflow.keras import backend as K
    skip = keras.Input(shape=(8, 8, 6))
    low = keras.Input(shape=(4, 4, 10))
    theta = layers.Conv2D(4, 2, strides=2, padding="same")(skip)
    phi = layers.Conv2DTranspose(4, 3, strides=1, padding="same")(layers.Conv2D(4, 1)(low))
    psi = layers.Activation("sigmoid")(layers.Conv2D(1, 1)(layers.Activation("relu")(layers.add([phi, theta]))))
    gate = layers.UpSampling2D(size=(2, 2))(psi)
    gate = layers.Lambda(lambda x, repnum: K.repeat_elements(x, repnum, axis=3), arguments={"repnum": 6})(gate)
    pairs = layers.Lambda(lambda x: K.repeat_elements(x, 2, axis=1))(low)
    model = keras.Model([skip, low], [layers.multiply([gate, skip]), pairs])
""")


def run_graph_case(name):
    tf_keras.backend.clear_session()
    description, code = GRAPH_CASES[name]
    src = HEADER + code
    ns = {"__name__": "__main__"}
    exec(compile(src, name + ".py", "exec"), ns)
    model = ns["model"]
    seed = zlib.crc32(name.encode())
    rng = np.random.default_rng(seed)
    weights = {}
    for w in model.weights:
        value = random_weight(rng, w.name, tuple(int(d) for d in w.shape)).astype(np.float32)
        w.assign(value)
        assert w.name not in weights, w.name
        weights[w.name] = value
    xs = [rng.normal(0.0, 1.0, size=(2,) + tuple(int(d) for d in t.shape[1:])).astype(np.float32)
          for t in model.inputs]
    # Inputs named as masks hold 0/1 values, with one row hiding every key.
    for i, t in enumerate(model.inputs):
        if t.name.endswith("mask"):
            xs[i] = (xs[i] > 0.3).astype(np.float32)
            xs[i][0, 0] = 0
    # Bool inputs get their 0/1 values as bools; the fixture keeps them as float32.
    feed = [x.astype(bool) if t.dtype == tf.bool else x for x, t in zip(xs, model.inputs)]
    ys = model.predict(feed if len(feed) > 1 else feed[0], verbose=0)
    if not isinstance(ys, list):
        ys = [ys]
    GRAPH_OUT.mkdir(parents=True, exist_ok=True)
    (GRAPH_OUT / f"{name}.py").write_text(src)
    np.savez(GRAPH_OUT / f"{name}.weights.npz", **weights)
    np.savez(GRAPH_OUT / f"{name}.inputs.npz", **{f"input_{i}": x for i, x in enumerate(xs)})
    np.savez(GRAPH_OUT / f"{name}.outputs.npz",
             **{f"output_{i}": np.asarray(y, np.float32) for i, y in enumerate(ys)})
    return {
        "name": name,
        "description": description,
        "seed": seed,
        "input_shapes": [list(x.shape) for x in xs],
        "output_shapes": [list(np.shape(y)) for y in ys],
        "weights": [{"name": k, "shape": list(v.shape)} for k, v in weights.items()],
    }


def main_graphs(argv):
    names = argv or list(GRAPH_CASES)
    index = [run_graph_case(name) for name in names]
    if argv and (GRAPH_OUT / "index.json").exists():
        # Named cases replace their entries (or are added, in GRAPH_CASES order).
        recorded = {c["name"]: c for c in json.loads((GRAPH_OUT / "index.json").read_text())["cases"]}
        recorded.update({c["name"]: c for c in index})
        index = [recorded[n] for n in GRAPH_CASES if n in recorded]
    (GRAPH_OUT / "index.json").write_text(json.dumps({
        "keras_version": tf_keras.__version__,
        "tensorflow_version": tf.__version__,
        "numpy_version": np.__version__,
        "cases": index,
    }, indent=1) + "\n")
    for name in names:
        print(name, file=sys.stderr)


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
    if sys.argv[1:2] == ["--graphs"]:
        main_graphs(sys.argv[2:])
    else:
        main(sys.argv[1:])
