#!/usr/bin/env python3
"""Write small training fixtures computed by a real tf-keras `model.fit`.

Usage:
    TF_USE_LEGACY_KERAS=1 ~/keras-ref/bin/python Tools/keras-reference/make_training_fixtures.py [NAME ...]

For every case below this writes, in Tests/Fixtures/keras/training/:
  NAME.py             the model code with its `model.compile(...)` (binds `model`)
  NAME.initial.npz    the weights training starts from (key = Keras weight name)
  NAME.x.npy          float32 inputs; NAME.y.npy float32 targets (labels as floats)
  NAME.final.npz      the weights after `model.fit(..., shuffle=False)`, moving statistics included
  NAME.json           the fit arguments, `history.history`, and the text tf-keras printed (verbose=2)

Functional graphs (`graph_case`, one per optimizer: NAME_sgd, NAME_adam) write their whole model
source, inputs NAME.x0.npy, NAME.x1.npy, ... and targets NAME.y0.npy, ... in model order; their
JSON says how `fit` received them ("inputs", "outputs", "targets": "list" or "dict" keyed by the
output layers' names).
"""
import contextlib
import io
import json
import os
import pathlib
import re
import sys
import textwrap
import warnings

os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")

import numpy as np
import tensorflow as tf
import tf_keras

warnings.filterwarnings("ignore")
tf.get_logger().setLevel("ERROR")
tf.config.experimental.enable_op_determinism()

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = ROOT / "Tests" / "Fixtures" / "keras" / "training"

HEADER = """\
from tensorflow import keras
from tensorflow.keras import layers
"""

CASES = {}


def case(name, description, layers_body, compile_line, input_shape, samples, target, fit,
         tokens=None, padded=False):
    """`tokens`: inputs are int64 token ids drawn from [0, tokens) instead of normal floats.
    `padded`: sample i has i % 4 steps of zeros (ids 0, or all features 0), after its values
    for even i and before them for odd i (what masks skip)."""
    CASES[name] = dict(
        description=description, body=textwrap.dedent(layers_body).strip("\n"),
        compile=compile_line, input_shape=input_shape, samples=samples, target=target, fit=fit,
        tokens=tokens, padded=padded)


case("dense_sgd", "Dense layers, SGD, sparse categorical crossentropy, a partial last batch", """
    keras.Input(shape=(6,)),
    layers.Dense(8, activation='relu'),
    layers.Dense(3, activation='softmax'),
""", "model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss='sparse_categorical_crossentropy', metrics=['accuracy'])",
     (6,), 20, ("sparse", 3), dict(epochs=3, batch_size=8))

case("dense_nesterov", "SGD with Nesterov momentum, one-hot labels, a separate softmax layer", """
    keras.Input(shape=(5,)),
    layers.Dense(7, activation='tanh'),
    layers.Dense(4),
    layers.Activation('softmax'),
""", "model.compile(optimizer=keras.optimizers.SGD(0.05, momentum=0.9, nesterov=True), loss='categorical_crossentropy', metrics=['accuracy'])",
     (5,), 24, ("onehot", 4), dict(epochs=3, batch_size=10))

case("conv_adam_bn", "Conv2D strides/padding/dilation, BatchNormalization, pooling, Adam, logits", """
    keras.Input(shape=(9, 9, 2)),
    layers.Conv2D(4, 3, strides=2, padding='same'),
    layers.BatchNormalization(),
    layers.Activation('relu'),
    layers.Conv2D(6, 2, dilation_rate=2, activation='relu'),
    layers.MaxPooling2D(2, padding='same'),
    layers.GlobalAveragePooling2D(),
    layers.Dense(3),
""", "model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=['sparse_categorical_accuracy'])",
     (9, 9, 2), 24, ("sparse", 3), dict(epochs=3, batch_size=8, validation_split=0.25))

case("conv_rmsprop_groups", "grouped Conv2D, AveragePooling2D same, Flatten, sigmoid, RMSprop", """
    keras.Input(shape=(8, 8, 4)),
    layers.Conv2D(6, 3, groups=2, activation='relu'),
    layers.AveragePooling2D(pool_size=3, strides=2, padding='same'),
    layers.Flatten(),
    layers.Dense(1, activation='sigmoid'),
""", "model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.005, momentum=0.5), loss='binary_crossentropy', metrics=['accuracy'])",
     (8, 8, 4), 18, ("binary", 1), dict(epochs=2, batch_size=6))

case("conv1d_adamw_l2", "Conv1D same/strides, GlobalMaxPooling1D, l1/l2 regularizers, AdamW, mse", """
    keras.Input(shape=(12, 3)),
    layers.Conv1D(5, 3, strides=2, padding='same', activation='elu', kernel_regularizer=keras.regularizers.l1(0.01)),
    layers.GlobalMaxPooling1D(),
    layers.Dense(2, kernel_regularizer=keras.regularizers.l2(0.02)),
""", "model.compile(optimizer=keras.optimizers.AdamW(learning_rate=0.01, weight_decay=0.1), loss='mse', metrics=['mae'])",
     (12, 3), 16, ("regression", 2), dict(epochs=3, batch_size=5))

case("dense_bn_mae", "Dense, BatchNormalization on (N, C), tanh, the 'adam' string, mae", """
    keras.Input(shape=(4,)),
    layers.Dense(6),
    layers.BatchNormalization(momentum=0.9),
    layers.Activation('tanh'),
    layers.Dense(1),
""", "model.compile(optimizer='adam', loss='mae')",
     (4,), 20, ("regression", 1), dict(epochs=2, batch_size=7))

case("conv3d_sgd_probabilities", "Conv3D, AveragePooling3D, softmax probabilities after a Dense with linear output clipped", """
    keras.Input(shape=(4, 5, 5, 1)),
    layers.Conv3D(3, 2, activation='sigmoid'),
    layers.AveragePooling3D(2),
    layers.Flatten(),
    layers.Dense(3, activation='softmax'),
""", "model.compile(optimizer='sgd', loss='categorical_crossentropy', metrics=['categorical_accuracy'])",
     (4, 5, 5, 1), 12, ("onehot", 3), dict(epochs=2, batch_size=4))

case("rmsprop_default_flatten", "Conv2D valid, MaxPooling2D, Flatten, Dense, rmsprop by name, sparse labels (N, 1)", """
    keras.Input(shape=(7, 7, 1)),
    layers.Conv2D(4, 3, activation='relu'),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(10, activation='softmax'),
""", "model.compile(optimizer='rmsprop', loss='sparse_categorical_crossentropy', metrics=['accuracy'])",
     (7, 7, 1), 16, ("sparse_column", 10), dict(epochs=2, batch_size=16))


case("conv1d_causal_momentum", "Conv1D causal with dilation, ReLU and LeakyReLU layers, SGD momentum, logits", """
    keras.Input(shape=(10, 2)),
    layers.Conv1D(4, 3, padding='causal', dilation_rate=2),
    layers.ReLU(),
    layers.Conv1D(3, 2, strides=2),
    layers.LeakyReLU(),
    layers.Flatten(),
    layers.Dense(3),
""", "model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05, momentum=0.8), loss=keras.losses.CategoricalCrossentropy(from_logits=True), metrics=['accuracy'])",
     (10, 2), 15, ("onehot", 3), dict(epochs=2, batch_size=4))

case("bn_sequence_centered", "BatchNormalization on (N, T, C) without center, Reshape, RMSprop centered, binary logits", """
    keras.Input(shape=(6, 3)),
    layers.Dense(4, activation='sigmoid'),
    layers.BatchNormalization(center=False),
    layers.Reshape((24,)),
    layers.Dense(2),
""", "model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.01, centered=True), loss=keras.losses.BinaryCrossentropy(from_logits=True), metrics=['binary_accuracy'])",
     (6, 3), 14, ("binary", 2), dict(epochs=2, batch_size=5))

case("softmax_layer_mse_adam", "a Softmax layer, GlobalMaxPooling2D with ties after ReLU, Adam beta_1 0.8, mse and accuracy", """
    keras.Input(shape=(5, 5, 2)),
    layers.Conv2D(3, 2, activation='relu', bias_regularizer=keras.regularizers.l2(0.05)),
    layers.GlobalMaxPooling2D(),
    layers.Dense(4),
    layers.Softmax(),
""", "model.compile(optimizer=keras.optimizers.Adam(0.02, beta_1=0.8), loss='mse', metrics=['accuracy'])",
     (5, 5, 2), 12, ("onehot", 4), dict(epochs=3, batch_size=5))


case("depthwise_momentum", "DepthwiseConv2D with a depth multiplier, strides and same padding, then a pointwise Conv2D, SGD momentum", """
    keras.Input(shape=(7, 7, 3)),
    layers.DepthwiseConv2D(3, strides=2, padding='same', depth_multiplier=2, activation='relu'),
    layers.Conv2D(4, 1, activation='tanh'),
    layers.GlobalAveragePooling2D(),
    layers.Dense(3, activation='softmax'),
""", "model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1, momentum=0.9), loss='sparse_categorical_crossentropy', metrics=['accuracy'])",
     (7, 7, 3), 16, ("sparse", 3), dict(epochs=2, batch_size=6))

case("depthwise1d_dilated_adam", "DepthwiseConv1D with dilation and same padding, l2 on the depthwise kernel, no bias, Adam", """
    keras.Input(shape=(11, 2)),
    layers.DepthwiseConv1D(3, dilation_rate=2, padding='same', use_bias=False, depthwise_regularizer=keras.regularizers.l2(0.05)),
    layers.Flatten(),
    layers.Dense(2),
""", "model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.02), loss='mse', metrics=['mae'])",
     (11, 2), 12, ("regression", 2), dict(epochs=2, batch_size=5))


case("separable_rmsprop", "SeparableConv2D with strides and a depth multiplier, SeparableConv1D after a Reshape, RMSprop", """
    keras.Input(shape=(8, 8, 2)),
    layers.SeparableConv2D(5, 3, strides=2, padding='same', depth_multiplier=2, activation='relu'),
    layers.SeparableConv2D(4, 2, dilation_rate=2, pointwise_regularizer=keras.regularizers.l2(0.01)),
    layers.Reshape((4, 4)),
    layers.SeparableConv1D(3, 2, activation='sigmoid'),
    layers.Flatten(),
    layers.Dense(3, activation='softmax'),
""", "model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.01), loss='categorical_crossentropy', metrics=['accuracy'])",
     (8, 8, 2), 14, ("onehot", 3), dict(epochs=2, batch_size=5))

case("transpose_layernorm_adam", "Conv2DTranspose same/valid with strides and output_padding, LayerNormalization, Conv1DTranspose, Adam, mse", """
    keras.Input(shape=(4, 4, 3)),
    layers.Conv2DTranspose(4, 3, strides=2, padding='same', activation='relu'),
    layers.LayerNormalization(),
    layers.Conv2DTranspose(2, 2, strides=2, padding='valid', output_padding=1),
    layers.Reshape((289, 2)),
    layers.Conv1DTranspose(3, 3, strides=2, activation='tanh'),
    layers.LayerNormalization(epsilon=0.01, center=False),
    layers.GlobalAveragePooling1D(),
    layers.Dense(2),
""", "model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss='mse', metrics=['mae'])",
     (4, 4, 3), 12, ("regression", 2), dict(epochs=2, batch_size=4))


case("upsampling_padding_adam", "UpSampling1D/2D (nearest), ZeroPadding2D, Cropping2D, Cropping1D and ZeroPadding1D in an autoencoder-like chain, Adam, mse", """
    keras.Input(shape=(6, 6, 2)),
    layers.Conv2D(4, 3, activation='relu'),
    layers.UpSampling2D((2, 3)),
    layers.ZeroPadding2D(((1, 0), (2, 1))),
    layers.Conv2D(3, 3, padding='same', activation='tanh'),
    layers.Cropping2D(((2, 1), (0, 3))),
    layers.Reshape((6, 36)),
    layers.UpSampling1D(2),
    layers.Cropping1D((1, 2)),
    layers.ZeroPadding1D(1),
    layers.Conv1D(2, 3),
    layers.GlobalAveragePooling1D(),
""", "model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss='mse', metrics=['mae'])",
     (6, 6, 2), 10, ("regression", 2), dict(epochs=2, batch_size=4))


case("conv3x3_wide_adam", "3x3 stride-1 Conv2D layers of 8+ channels, same and valid, MaxPooling2D, Adam", """
    keras.Input(shape=(10, 10, 3)),
    layers.Conv2D(8, 3, activation='relu'),
    layers.Conv2D(12, 3, padding='same', activation='relu'),
    layers.MaxPooling2D(),
    layers.Conv2D(9, 3, activation='relu'),
    layers.Flatten(),
    layers.Dense(3, activation='softmax'),
""", "model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss='sparse_categorical_crossentropy', metrics=['accuracy'])",
     (10, 10, 3), 20, ("sparse", 3), dict(epochs=3, batch_size=8))


# Embedding: its gradient is an IndexedSlices (a scatter-add of rows; tokens repeat within a
# batch, and the ids stop short of input_dim so some rows are never looked up).
case("embedding_conv1d_adam", "Embedding, Conv1D, GlobalMaxPooling1D, Adam, int64 token ids", """
    keras.Input(shape=(7,), dtype='int32'),
    layers.Embedding(30, 4),
    layers.Conv1D(5, 3, activation='relu'),
    layers.GlobalMaxPooling1D(),
    layers.Dense(1, activation='sigmoid'),
""", "model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.02), loss='binary_crossentropy', metrics=['accuracy'])",
     (7,), 20, ("binary", 1), dict(epochs=3, batch_size=8), tokens=26)

case("embedding_flatten_rmsprop", "Embedding(input_length=) first, Flatten, RMSprop, int64 token ids", """
    layers.Embedding(30, 3, input_length=6),
    layers.Flatten(),
    layers.Dense(3, activation='softmax'),
""", "model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.01), loss='sparse_categorical_crossentropy', metrics=['accuracy'])",
     (6,), 20, ("sparse", 3), dict(epochs=3, batch_size=8), tokens=26)

case("embedding_pool_sgd_momentum", "Embedding, GlobalAveragePooling1D, SGD with momentum, mse", """
    layers.Embedding(30, 3, input_length=6),
    layers.GlobalAveragePooling1D(),
    layers.Dense(2),
""", "model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1, momentum=0.9), loss='mse')",
     (6,), 20, ("regression", 2), dict(epochs=3, batch_size=8), tokens=26)


# Recurrent layers (rnntrain): backpropagation through time in SimpleRNN, LSTM, GRU (reset_after
# either way) and Bidirectional (every merge mode that returns one tensor).
case("rnntrain_lstm_adam", "LSTM on a float sequence, Dense head, Adam, mse", """
    keras.Input(shape=(7, 3)),
    layers.LSTM(5),
    layers.Dense(2),
""", "model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss='mse', metrics=['mae'])",
     (7, 3), 20, ("regression", 2), dict(epochs=3, batch_size=8))

case("rnntrain_lstm_stacked_backwards", "stacked LSTMs: return_sequences with go_backwards, relu and hard_sigmoid, no bias, l2 on the kernels, SGD momentum, binary", """
    keras.Input(shape=(6, 4)),
    layers.LSTM(4, return_sequences=True, go_backwards=True, kernel_regularizer=keras.regularizers.l2(0.01), recurrent_regularizer=keras.regularizers.l2(0.02)),
    layers.LSTM(3, activation='relu', recurrent_activation='hard_sigmoid', use_bias=False),
    layers.Dense(1, activation='sigmoid'),
""", "model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1, momentum=0.9), loss='binary_crossentropy', metrics=['accuracy'])",
     (6, 4), 18, ("binary", 1), dict(epochs=3, batch_size=6))

case("rnntrain_gru_rmsprop", "GRU with reset_after=True (two biases), softmax head, RMSprop, sparse labels", """
    keras.Input(shape=(8, 3)),
    layers.GRU(5),
    layers.Dense(3, activation='softmax'),
""", "model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.01), loss='sparse_categorical_crossentropy', metrics=['accuracy'])",
     (8, 3), 20, ("sparse", 3), dict(epochs=3, batch_size=8))

case("rnntrain_gru_reset_before", "GRU with reset_after=False returning sequences and going backwards, GlobalAveragePooling1D, then a GRU of its own, Adam", """
    keras.Input(shape=(6, 3)),
    layers.GRU(4, reset_after=False, return_sequences=True, go_backwards=True),
    layers.GRU(3, reset_after=False, return_sequences=True, activation='relu'),
    layers.GlobalAveragePooling1D(),
    layers.Dense(2),
""", "model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.02), loss='mse')",
     (6, 3), 16, ("regression", 2), dict(epochs=3, batch_size=5))

case("rnntrain_simplernn_sequences", "SimpleRNN stacks: relu with return_sequences, tanh going backwards, TimeDistributed-free Dense on sequences, Adam, mse", """
    keras.Input(shape=(5, 2)),
    layers.SimpleRNN(6, activation='relu', return_sequences=True),
    layers.SimpleRNN(4, go_backwards=True, return_sequences=True),
    layers.Dense(1),
""", "model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss='mse', metrics=['mae'])",
     (5, 2), 16, ("regression", 5), dict(epochs=3, batch_size=6))

case("rnntrain_embedding_bilstm", "Embedding, Bidirectional LSTM (concat), sigmoid head, Adam, int64 token ids", """
    keras.Input(shape=(9,)),
    layers.Embedding(30, 4),
    layers.Bidirectional(layers.LSTM(3)),
    layers.Dense(1, activation='sigmoid'),
""", "model.compile(optimizer='adam', loss='binary_crossentropy', metrics=['accuracy'])",
     (9,), 20, ("binary", 1), dict(epochs=3, batch_size=8), tokens=30)

case("rnntrain_bidirectional_modes", "Bidirectional GRU (sum), SimpleRNN (mul) and LSTM (ave), sequences then a last state, SGD, softmax head", """
    keras.Input(shape=(6, 3)),
    layers.Bidirectional(layers.GRU(3, return_sequences=True), merge_mode='sum'),
    layers.Bidirectional(layers.SimpleRNN(4, return_sequences=True), merge_mode='mul'),
    layers.Bidirectional(layers.LSTM(3), merge_mode='ave'),
    layers.Dense(3, activation='softmax'),
""", "model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.2), loss='categorical_crossentropy', metrics=['accuracy'])",
     (6, 3), 18, ("onehot", 3), dict(epochs=3, batch_size=6))

case("rnntrain_mask_zero_lstm", "Embedding(mask_zero=True) into an LSTM returning sequences, masked GlobalAveragePooling1D, Adam, padded token ids", """
    keras.Input(shape=(8,)),
    layers.Embedding(25, 4, mask_zero=True),
    layers.LSTM(4, return_sequences=True),
    layers.GlobalAveragePooling1D(),
    layers.Dense(1, activation='sigmoid'),
""", "model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss='binary_crossentropy', metrics=['accuracy'])",
     (8,), 20, ("binary", 1), dict(epochs=3, batch_size=8), tokens=25, padded=True)

case("rnntrain_mask_zero_bidirectional", "Embedding(mask_zero=True), Dense and Dropout carrying the mask, Bidirectional LSTM sequences (masked steps zeroed), Bidirectional GRU, RMSprop", """
    keras.Input(shape=(7,)),
    layers.Embedding(20, 3, mask_zero=True),
    layers.Dense(4, activation='tanh'),
    layers.Bidirectional(layers.LSTM(3, return_sequences=True)),
    layers.Bidirectional(layers.GRU(2), merge_mode='sum'),
    layers.Dense(3, activation='softmax'),
""", "model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.01), loss='sparse_categorical_crossentropy', metrics=['accuracy'])",
     (7,), 18, ("sparse", 3), dict(epochs=3, batch_size=6), tokens=20, padded=True)

case("rnntrain_masking_gru", "Masking on float steps of zeros, GRU returning sequences going backwards, SimpleRNN, SGD, mse", """
    keras.Input(shape=(6, 3)),
    layers.Masking(mask_value=0.0),
    layers.GRU(4, return_sequences=True, go_backwards=True),
    layers.SimpleRNN(3),
    layers.Dense(2),
""", "model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss='mse')",
     (6, 3), 16, ("regression", 2), dict(epochs=3, batch_size=5), padded=True)

case("rnntrain_timedistributed_dense", "LSTM returning sequences into TimeDistributed(Dense) softmax per step (tf-keras computes the loss on probabilities: the reshape drops the logits), Adam, one label per step", """
    keras.Input(shape=(6, 3)),
    layers.LSTM(5, return_sequences=True),
    layers.TimeDistributed(layers.Dense(4, activation='softmax')),
""", "model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss='sparse_categorical_crossentropy', metrics=['accuracy'])",
     (6, 3), 16, ("sparse_steps", (6, 4)), dict(epochs=3, batch_size=6))

case("rnntrain_timedistributed_conv", "a CNN-LSTM: TimeDistributed Conv2D, MaxPooling2D, BatchNormalization and Flatten on frames, GRU, RMSprop", """
    keras.Input(shape=(4, 6, 6, 2)),
    layers.TimeDistributed(layers.Conv2D(3, 3, activation='relu')),
    layers.TimeDistributed(layers.MaxPooling2D(2)),
    layers.TimeDistributed(layers.BatchNormalization()),
    layers.TimeDistributed(layers.Flatten()),
    layers.GRU(4),
    layers.Dense(2, activation='softmax'),
""", "model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.01), loss='categorical_crossentropy', metrics=['accuracy'])",
     (4, 6, 6, 2), 14, ("onehot", 2), dict(epochs=2, batch_size=5))


def model_source(name):
    spec = CASES[name]
    lines = ["# Training fixture " + name + ": " + spec["description"] + ".", HEADER.rstrip("\n"), ""]
    lines.append("model = keras.Sequential([")
    lines += ["    " + l for l in spec["body"].splitlines()]
    lines.append("], name=" + repr(name) + ")")
    lines.append(spec["compile"])
    return "\n".join(lines) + "\n"


def random_weight(rng, name, shape):
    short = name.split("/")[-1].split(":")[0]
    if short == "moving_variance":
        return rng.uniform(0.5, 2.0, size=shape)
    if short == "moving_mean":
        return rng.normal(0.0, 0.5, size=shape)
    if short == "gamma":
        return rng.uniform(0.5, 1.5, size=shape)
    if short in ("beta", "bias"):
        return rng.normal(0.0, 0.2, size=shape)
    fan_in = int(np.prod(shape[:-1])) if len(shape) > 1 else 1
    return rng.normal(0.0, 1.0 / np.sqrt(max(fan_in, 1)), size=shape)


def targets(rng, kind, samples):
    mode, width = kind
    if mode == "sparse":
        return rng.integers(0, width, size=(samples,)).astype(np.float32)
    if mode == "sparse_steps":
        # width = (steps, classes): one class per step
        return rng.integers(0, width[1], size=(samples, width[0])).astype(np.float32)
    if mode == "sparse_column":
        return rng.integers(0, width, size=(samples, 1)).astype(np.float32)
    if mode == "onehot":
        return np.eye(width, dtype=np.float32)[rng.integers(0, width, size=samples)]
    if mode == "binary":
        return rng.integers(0, 2, size=(samples, width)).astype(np.float32)
    return rng.normal(0.0, 1.0, size=(samples, width)).astype(np.float32)


def make(name):
    spec = CASES[name]
    tf_keras.backend.clear_session()
    tf_keras.utils.set_random_seed(1)
    src = model_source(name)
    ns = {"__name__": "__main__"}
    exec(compile(src, name + ".py", "exec"), ns)
    model = ns["model"]
    seed = sum(map(ord, name))
    rng = np.random.default_rng(seed)
    initial = {}
    for w in model.weights:
        value = random_weight(rng, w.name, tuple(w.shape)).astype(np.float32)
        w.assign(value)
        initial[w.name] = value
    if spec["tokens"]:
        x = rng.integers(0, spec["tokens"], size=(spec["samples"],) + spec["input_shape"])
        x = x.astype(np.int64)
    else:
        x = rng.normal(0.0, 1.0, size=(spec["samples"],) + spec["input_shape"]).astype(np.float32)
    if spec.get("padded"):
        if spec["tokens"]:
            # Token 0 is padding: draw the ids of the kept steps from [1, tokens).
            x = np.maximum(x, 1)
        for i in range(len(x)):
            k = i % 4
            if k and i % 2 == 0:
                x[i, -k:] = 0
            elif k:
                x[i, :k] = 0
    y = targets(rng, spec["target"], spec["samples"])
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        history = model.fit(x, y, shuffle=False, verbose=2, **spec["fit"])
    printed = buffer.getvalue()
    final = {w.name: w.numpy() for w in model.weights}
    (OUT / (name + ".py")).write_text(src)
    np.savez(OUT / (name + ".initial.npz"), **initial)
    np.savez(OUT / (name + ".final.npz"), **final)
    np.save(OUT / (name + ".x.npy"), x)
    np.save(OUT / (name + ".y.npy"), y)
    record = {
        "fit": spec["fit"],
        "history": {k: [float(v) for v in vs] for k, vs in history.history.items()},
        "printed": printed,
    }
    (OUT / (name + ".json")).write_text(json.dumps(record, indent=1) + "\n")
    print(name, record["history"])
    print(printed)


GRAPH_CASES = {}
OPTIMIZERS = {
    "sgd": "keras.optimizers.SGD(learning_rate=0.05, momentum=0.9)",
    "adam": "keras.optimizers.Adam(learning_rate=0.01)",
}


def graph_case(name, description, source, compile_line, inputs, samples, targets, fit,
               target_format="list"):
    """`source` builds `model`; `compile_line` has {optimizer}; inputs: sample shapes;
    targets: (output name, target kind) per output."""
    for optimizer, expression in OPTIMIZERS.items():
        GRAPH_CASES[name + "_" + optimizer] = dict(
            description=description + ", " + optimizer, source=textwrap.dedent(source).strip("\n"),
            compile=compile_line.format(optimizer=expression), inputs=inputs, samples=samples,
            targets=targets, fit=fit, target_format=target_format)


graph_case("graph_residual", "a residual block: Conv2D, BatchNormalization, Add, ReLU, a nested Sequential head", """
    inputs = keras.Input(shape=(6, 6, 3))
    x = layers.Conv2D(4, 3, padding='same', activation='relu')(inputs)
    y = layers.Conv2D(4, 3, padding='same', use_bias=False)(x)
    y = layers.BatchNormalization()(y)
    y = layers.Add()([x, y])
    y = layers.Activation('relu')(y)
    head = keras.Sequential([layers.GlobalAveragePooling2D(), layers.Dense(3, activation='softmax')], name='head')
    outputs = head(y)
    model = keras.Model(inputs, outputs, name='residual')
""", "model.compile(optimizer={optimizer}, loss='sparse_categorical_crossentropy', metrics=['accuracy'])",
    [(6, 6, 3)], 16, [("head", ("sparse", 3))], dict(epochs=3, batch_size=6))

graph_case("graph_inception", "an Inception-style block: 1x1, 3x3 and pooled branches, Concatenate, Maximum, Minimum", """
    inputs = keras.Input(shape=(7, 7, 4))
    a = layers.Conv2D(3, 1, activation='relu')(inputs)
    b = layers.Conv2D(2, 1, activation='relu')(inputs)
    b = layers.Conv2D(3, 3, padding='same', activation='relu')(b)
    c = layers.MaxPooling2D(3, strides=1, padding='same')(inputs)
    c = layers.Conv2D(2, 1, activation='relu')(c)
    m = layers.Maximum()([a, b])
    n = layers.Minimum()([a, b])
    x = layers.Concatenate()([a, b, c, m, n])
    x = layers.GlobalMaxPooling2D()(x)
    outputs = layers.Dense(4)(x)
    model = keras.Model(inputs, outputs, name='inception')
""", "model.compile(optimizer={optimizer}, loss=keras.losses.CategoricalCrossentropy(from_logits=True), metrics=['accuracy'])",
    [(7, 7, 4)], 15, [("dense", ("onehot", 4))], dict(epochs=2, batch_size=4))

graph_case("graph_squeeze_excite", "a squeeze-and-excitation block: Multiply by a Reshape of a sigmoid gate, tensor arithmetic, Average", """
    inputs = keras.Input(shape=(5, 5, 4))
    x = layers.Conv2D(6, 3, padding='same', activation='relu')(inputs)
    s = layers.GlobalAveragePooling2D()(x)
    s = layers.Dense(2, activation='relu')(s)
    s = layers.Dense(6, activation='sigmoid')(s)
    s = layers.Reshape((1, 1, 6))(s)
    y = layers.Multiply()([x, s])
    y = y * 2.0 + x
    y = layers.Average()([y, x - 0.5])
    y = layers.Flatten()(y)
    outputs = layers.Dense(2, activation='sigmoid')(y)
    model = keras.Model(inputs, outputs, name='squeeze_excite')
""", "model.compile(optimizer={optimizer}, loss='binary_crossentropy', metrics=['accuracy'])",
    [(5, 5, 4)], 14, [("dense_2", ("binary", 2))], dict(epochs=2, batch_size=5, validation_split=0.25))

graph_case("graph_two_inputs", "two inputs through one shared Dense layer (gradients summed), Subtract, Multiply, Dot", """
    left = keras.Input(shape=(6,), name='left')
    right = keras.Input(shape=(6,), name='right')
    shared = layers.Dense(5, activation='tanh', name='shared')
    a = shared(left)
    b = shared(right)
    difference = layers.Subtract()([a, b])
    product = layers.Multiply()([a, b])
    similarity = layers.Dot(axes=1, normalize=True)([a, b])
    inner = layers.Dot(axes=1)([a, b])
    x = layers.Concatenate()([difference, product, similarity, inner])
    outputs = layers.Dense(1, activation='sigmoid')(x)
    model = keras.Model([left, right], outputs, name='siamese')
""", "model.compile(optimizer={optimizer}, loss='binary_crossentropy', metrics=['accuracy'])",
    [(6,), (6,)], 18, [("dense", ("binary", 1))], dict(epochs=3, batch_size=8))

graph_case("graph_two_outputs", "two outputs with their own losses, loss_weights and metrics, targets in a dict", """
    inputs = keras.Input(shape=(8,))
    x = layers.Dense(6, activation='relu')(inputs)
    label = layers.Dense(3, activation='softmax', name='label')(x)
    value = layers.Dense(1, name='value')(layers.Concatenate()([x, inputs]))
    model = keras.Model(inputs, [label, value], name='two_outputs')
""", "model.compile(optimizer={optimizer}, loss={{'label': 'sparse_categorical_crossentropy', 'value': 'mse'}}, loss_weights={{'label': 1.0, 'value': 0.5}}, metrics={{'label': ['accuracy'], 'value': ['mae']}})",
    [(8,)], 20, [("label", ("sparse", 3)), ("value", ("regression", 1))], dict(epochs=3, batch_size=8, validation_split=0.2),
    target_format="dict")

graph_case("graph_two_outputs_list", "two outputs, losses as a list, one metric for every output, targets in a list", """
    inputs = keras.Input(shape=(5,))
    x = layers.Dense(4, activation='tanh')(inputs)
    first = layers.Dense(2, name='first')(x)
    second = layers.Dense(2, activation='softmax', name='second')(x)
    model = keras.Model(inputs, [first, second], name='two_outputs_list')
""", "model.compile(optimizer={optimizer}, loss=['mae', 'categorical_crossentropy'], loss_weights=[0.3, 1.0], metrics=['mse'])",
    [(5,)], 12, [("first", ("regression", 2)), ("second", ("onehot", 2))], dict(epochs=2, batch_size=5))

graph_case("graph_lambda_siamese", "a siamese pair: a shared encoder, a Lambda euclidean distance (tf.sqrt of a clipped reduce_sum of squares), a sigmoid head", """
    import tensorflow as tf

    def euclidean_distance(vectors):
        a, b = vectors
        squared = tf.reduce_sum(tf.square(a - b), axis=1, keepdims=True)
        return tf.sqrt(tf.maximum(squared, 1e-7))

    left = keras.Input(shape=(6,), name='left')
    right = keras.Input(shape=(6,), name='right')
    encoder = keras.Sequential([keras.Input(shape=(6,)), layers.Dense(5, activation='relu'), layers.Dense(4)], name='encoder')
    distance = layers.Lambda(euclidean_distance, name='distance')([encoder(left), encoder(right)])
    outputs = layers.Dense(1, activation='sigmoid')(distance)
    model = keras.Model([left, right], outputs, name='siamese_distance')
""", "model.compile(optimizer={optimizer}, loss='binary_crossentropy', metrics=['accuracy'])",
    [(6,), (6,)], 18, [("dense_2", ("binary", 1))], dict(epochs=3, batch_size=8))

graph_case("graph_tensor_functions", "tensor functions on Keras tensors: abs, square, exp, log1p, reductions, l2_normalize, slicing, concat, maximum, clip, softmax, transpose, reshape, pad, a Lambda with keras.backend", """
    import tensorflow as tf
    from tensorflow.keras import backend as K

    inputs = keras.Input(shape=(6,))
    x = layers.Dense(8, activation='tanh')(inputs)
    a = tf.abs(x) * 0.5 + tf.multiply(tf.square(x[:, 1:2]), x)
    b = tf.math.log1p(tf.exp(-tf.square(x)))
    c = tf.reduce_mean(x, axis=1, keepdims=True) + tf.reduce_max(x, axis=-1, keepdims=True) - tf.reduce_min(tf.abs(x), axis=1, keepdims=True)
    d = tf.nn.l2_normalize(x[:, 2:], axis=1)
    e = tf.maximum(x, 0.1) * tf.clip_by_value(x, -0.3, 0.5)
    f = tf.nn.softmax(x[:, :5]) + tf.sqrt(tf.square(x[:, 3:]) + 1.0)
    g = tf.reshape(tf.transpose(tf.reshape(x, (-1, 2, 4)), perm=[0, 2, 1]), (-1, 8))
    h = tf.pad(x[:, :3], [[0, 0], [1, 2]], constant_values=0.25)
    k = layers.Lambda(lambda t: K.sum(K.square(t), axis=1, keepdims=True) / K.sqrt(K.mean(K.square(t), axis=1, keepdims=True) + 1.0))(x)
    y = tf.concat([a, b, c, d, e, f, g, h, k], axis=1)
    outputs = layers.Dense(3, activation='softmax')(y)
    model = keras.Model(inputs, outputs, name='tensor_functions')
""", "model.compile(optimizer={optimizer}, loss='sparse_categorical_crossentropy', metrics=['accuracy'])",
    [(6,)], 16, [("dense_1", ("sparse", 3))], dict(epochs=3, batch_size=6))


graph_case("graph_mirror_padding", "a CycleGAN-style block: a custom ReflectionPadding2D layer (tf.pad REFLECT in call), a custom instance normalisation (tf.nn.moments), a Lambda with tf.pad SYMMETRIC, a residual Add", """
    import tensorflow as tf

    class ReflectPad(layers.Layer):
        def __init__(self, padding=(1, 1), **kwargs):
            super().__init__(**kwargs)
            self.padding = tuple(padding)

        def call(self, x):
            h, w = self.padding
            return tf.pad(x, [[0, 0], [h, h], [w, w], [0, 0]], 'REFLECT')

    class InstanceNorm(layers.Layer):
        def call(self, x):
            mean, variance = tf.nn.moments(x, axes=[1, 2], keepdims=True)
            return (x - mean) / tf.sqrt(variance + 1e-5)

    inputs = keras.Input(shape=(6, 6, 2))
    x = ReflectPad((2, 1))(inputs)
    x = layers.Conv2D(4, (5, 3), activation='relu')(x)
    y = ReflectPad()(x)
    y = layers.Conv2D(4, 3, use_bias=False)(y)  # (a bias before a normalisation gets no gradient)
    y = InstanceNorm()(y)
    y = layers.Add()([x, y])
    y = layers.Lambda(lambda t: tf.pad(t, [[0, 0], [0, 2], [1, 1], [0, 0]], mode='symmetric'))(y)
    y = layers.Conv2D(3, 3, strides=2)(y)
    outputs = layers.Dense(3, activation='softmax')(layers.Flatten()(y))
    model = keras.Model(inputs, outputs, name='mirror_padding')
""", "model.compile(optimizer={optimizer}, loss='sparse_categorical_crossentropy', metrics=['accuracy'])",
    [(6, 6, 2)], 16, [("dense", ("sparse", 3))], dict(epochs=3, batch_size=6))


graph_case("graph_capsule_attention", "custom layers with add_weight: capsule routing (tf.tile by tf.shape(x)[0], 5-D tf.matmul transpose_a, tf.zeros_like, softmax, squash) and K.dot attention pooling over a (None, T, F) sequence; tf.norm lengths in a Lambda", """
    import tensorflow as tf
    from tensorflow.keras import backend as K

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
            for i in range(2):
                c = tf.nn.softmax(b, axis=2)
                v = squash(tf.reduce_sum(tf.expand_dims(c, -1) * u_hat, axis=1))
                if i < 1:
                    b += tf.reduce_sum(u_hat * tf.expand_dims(v, 1), axis=-1)
            return v

    class AttentionPool(layers.Layer):
        def build(self, input_shape):
            self.W = self.add_weight(name='W', shape=(input_shape[-1], 1), initializer='glorot_uniform')
            self.b = self.add_weight(name='b', shape=(input_shape[1],), initializer='zeros')

        def call(self, x):
            e = K.tanh(K.reshape(K.dot(x, self.W), (-1, x.shape[1])) + self.b)
            a = K.exp(e)
            a = a / (K.sum(a, axis=1, keepdims=True) + K.epsilon())
            return K.sum(x * K.expand_dims(a), axis=1)

    inputs = keras.Input(shape=(6, 6, 2))
    x = layers.Conv2D(8, 3, strides=2, activation='relu')(inputs)
    x = layers.Lambda(squash)(layers.Reshape((-1, 4))(x))
    caps = Capsules()(x)
    lengths = layers.Lambda(lambda z: tf.norm(z, axis=-1))(caps)
    pooled = AttentionPool()(caps)
    outputs = layers.Dense(3, activation='softmax')(layers.Concatenate()([lengths, pooled]))
    model = keras.Model(inputs, outputs, name='capsule_attention')
""", "model.compile(optimizer={optimizer}, loss='sparse_categorical_crossentropy', metrics=['accuracy'])",
    [(6, 6, 2)], 16, [("dense", ("sparse", 3))], dict(epochs=3, batch_size=6))


graph_case("graph_shape_functions", "shape and pixel functions on Keras tensors: tf.shape sizes in tf.reshape, space_to_depth, depth_to_space, extract_patches, gather, where on a comparison", """
    import tensorflow as tf

    inputs = keras.Input(shape=(4, 4, 2))
    x = layers.Conv2D(4, 3, padding='same', activation='tanh')(inputs)
    s = tf.shape(x)
    rows = tf.reshape(x, (s[0], s[1] * s[2], 4))
    packed = tf.nn.space_to_depth(x, 2)
    unpacked = tf.nn.depth_to_space(packed * 0.5, 2) + x
    patches = tf.image.extract_patches(unpacked, [1, 2, 2, 1], [1, 2, 2, 1], [1, 1, 1, 1], 'VALID')
    gated = tf.where(patches > 0.1, patches, 0.1 * patches)
    picked = tf.gather(rows, [0, 5, 10, 15], axis=1)
    y = tf.concat([tf.reshape(gated, (-1, 64)), tf.reshape(picked, (-1, 16))], axis=1)
    outputs = layers.Dense(3, activation='softmax')(y)
    model = keras.Model(inputs, outputs, name='shape_functions')
""", "model.compile(optimizer={optimizer}, loss='sparse_categorical_crossentropy', metrics=['accuracy'])",
    [(4, 4, 2)], 16, [("dense", ("sparse", 3))], dict(epochs=3, batch_size=6))

graph_case("graph_activation_functions", "TensorFlow's activation functions on Keras tensors: tf.nn.elu, tf.nn.selu, tf.nn.silu, tf.nn.gelu (exact), and tf.reduce_prod, into a Dense head", """
    import tensorflow as tf

    inputs = keras.Input(shape=(6,))
    x = layers.Dense(8)(inputs)
    p = tf.reduce_prod(tf.reshape(tf.tanh(x), (-1, 4, 2)), axis=1)
    y = tf.concat([tf.nn.elu(x), tf.nn.selu(x * 0.7), tf.nn.silu(x), tf.nn.gelu(x - 0.2), p], axis=1)
    outputs = layers.Dense(3, activation='softmax')(y)
    model = keras.Model(inputs, outputs, name='activation_functions')
""", "model.compile(optimizer={optimizer}, loss='sparse_categorical_crossentropy', metrics=['accuracy'])",
    [(6,)], 16, [("dense_1", ("sparse", 3))], dict(epochs=3, batch_size=6))


graph_case("graph_resize_matmul", "tf.image.resize (bilinear up and down, nearest) and tf.matmul (a Gram matrix with transpose_b, a product of two tensors with transpose_a and transpose_b) on Keras tensors", """
    import tensorflow as tf

    inputs = keras.Input(shape=(4, 4, 2))
    x = layers.Conv2D(3, 3, padding='same', activation='tanh')(inputs)
    up = tf.image.resize(x, (7, 6))
    down = tf.image.resize(up, (3, 2))
    near = tf.image.resize(x, (5, 5), method='nearest')
    rows = tf.reshape(x, (-1, 16, 3))
    gram = tf.matmul(rows, rows, transpose_b=True) / 16.0
    mixed = tf.matmul(x[:, :3, 0, :], tf.reshape(near, (-1, 25, 3)), transpose_a=True, transpose_b=True)
    y = tf.concat([tf.reshape(up, (-1, 126)), tf.reshape(down, (-1, 18)), tf.reshape(gram, (-1, 256)), tf.reshape(mixed, (-1, 75))], axis=1)
    outputs = layers.Dense(3, activation='softmax')(y)
    model = keras.Model(inputs, outputs, name='resize_matmul')
""", "model.compile(optimizer={optimizer}, loss='sparse_categorical_crossentropy', metrics=['accuracy'])",
    [(4, 4, 2)], 16, [("dense", ("sparse", 3))], dict(epochs=3, batch_size=8))


graph_case("graph_nested_encoder_outputs", "a nested functional encoder with two outputs (a skip and a deeper map) called as one layer of a U-Net-style model: gradients flow back through both outputs", """
    enc_in = keras.Input(shape=(6, 6, 2))
    skip = layers.Conv2D(3, 3, padding='same', activation='relu')(enc_in)
    deep = layers.Conv2D(4, 3, strides=2, padding='same', activation='tanh')(skip)
    encoder = keras.Model(enc_in, [skip, deep], name='encoder')

    inputs = keras.Input(shape=(6, 6, 2))
    skip_out, deep_out = encoder(inputs)
    up = layers.Conv2DTranspose(3, 3, strides=2, padding='same')(deep_out)
    x = layers.Concatenate()([up, skip_out])
    x = layers.GlobalAveragePooling2D()(x)
    outputs = layers.Dense(3, activation='softmax')(x)
    model = keras.Model(inputs, outputs, name='nested_encoder_outputs')
""", "model.compile(optimizer={optimizer}, loss='sparse_categorical_crossentropy', metrics=['accuracy'])",
    [(6, 6, 2)], 16, [("dense", ("sparse", 3))], dict(epochs=3, batch_size=8))


graph_case("graph_split_unstack", "tf.split into halves and by sizes and tf.unstack of rows on Keras tensors, recombined by tf.concat, Add and arithmetic: gradients flow back through every piece", """
    import tensorflow as tf

    inputs = keras.Input(shape=(5, 4))
    left, right = tf.split(inputs, 2, axis=-1)
    rows = tf.unstack(layers.Dense(3, activation='tanh')(right), axis=1)
    head, rest = tf.split(left, [1, -1], axis=1)
    x = tf.concat([layers.Flatten()(rest * 2.0), layers.Add()(rows[1:4]), rows[0] - rows[4], layers.Flatten()(head)], axis=-1)
    outputs = layers.Dense(3, activation='softmax')(x)
    model = keras.Model(inputs, outputs, name='split_unstack')
""", "model.compile(optimizer={optimizer}, loss='sparse_categorical_crossentropy', metrics=['accuracy'])",
    [(5, 4)], 16, [("dense_1", ("sparse", 3))], dict(epochs=3, batch_size=6))


# Recurrent calls with several outputs or initial states (rnntrain): an encoder's final states
# start a decoder; return_state and merge_mode=None feed a head.
graph_case("rnntrain_graph_seq2seq", "an encoder-decoder: LSTM return_state, a decoder LSTM from initial_state, a softmax per step", """
    encoder_inputs = keras.Input(shape=(5, 3), name='encoder_inputs')
    decoder_inputs = keras.Input(shape=(4, 2), name='decoder_inputs')
    _, state_h, state_c = layers.LSTM(4, return_state=True)(encoder_inputs)
    decoder = layers.LSTM(4, return_sequences=True, return_state=True)
    sequence, _, _ = decoder(decoder_inputs, initial_state=[state_h, state_c])
    outputs = layers.Dense(3, activation='softmax')(sequence)
    model = keras.Model([encoder_inputs, decoder_inputs], outputs, name='seq2seq')
""", "model.compile(optimizer={optimizer}, loss='sparse_categorical_crossentropy', metrics=['accuracy'])",
    [(5, 3), (4, 2)], 14, [("dense", ("sparse_steps", (4, 3)))], dict(epochs=3, batch_size=5))

graph_case("rnntrain_graph_states", "GRU sequences with return_state, Bidirectional LSTM merge_mode=None with return_state, a GRU from a state, Concatenate", """
    inputs = keras.Input(shape=(6, 3))
    sequence, state = layers.GRU(4, return_sequences=True, return_state=True, reset_after=False)(inputs)
    forward, backward, fh, fc, bh, bc = layers.Bidirectional(layers.LSTM(3, return_state=True), merge_mode=None)(sequence)
    again = layers.GRU(4)(sequence, initial_state=state)
    x = layers.Concatenate()([forward, backward, fh, bc, again])
    outputs = layers.Dense(2)(x)
    model = keras.Model(inputs, outputs, name='states')
""", "model.compile(optimizer={optimizer}, loss='mse')",
    [(6, 3)], 14, [("dense", ("regression", 2))], dict(epochs=3, batch_size=5))


def make_graph(name):
    spec = GRAPH_CASES[name]
    tf_keras.backend.clear_session()
    tf_keras.utils.set_random_seed(1)
    src = "\n".join([
        "# Training fixture " + name + ": " + spec["description"] + ".", HEADER.rstrip("\n"), "",
        spec["source"], spec["compile"]]) + "\n"
    ns = {"__name__": "__main__"}
    exec(compile(src, name + ".py", "exec"), ns)
    model = ns["model"]
    seed = sum(map(ord, name))
    rng = np.random.default_rng(seed)
    initial = {}
    for w in model.weights:
        value = random_weight(rng, w.name, tuple(w.shape)).astype(np.float32)
        w.assign(value)
        initial[w.name] = value
    xs = [rng.normal(0.0, 1.0, size=(spec["samples"],) + shape).astype(np.float32)
          for shape in spec["inputs"]]
    ys = [targets(rng, kind, spec["samples"]) for _, kind in spec["targets"]]
    x = xs[0] if len(xs) == 1 else xs
    if spec["target_format"] == "dict":
        y = {output: value for (output, _), value in zip(spec["targets"], ys)}
    else:
        y = ys[0] if len(ys) == 1 else ys
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        history = model.fit(x, y, shuffle=False, verbose=2, **spec["fit"])
    printed = buffer.getvalue()
    final = {w.name: w.numpy() for w in model.weights}
    (OUT / (name + ".py")).write_text(src)
    np.savez(OUT / (name + ".initial.npz"), **initial)
    np.savez(OUT / (name + ".final.npz"), **final)
    for i, value in enumerate(xs):
        np.save(OUT / (name + ".x%d.npy" % i), value)
    for i, value in enumerate(ys):
        np.save(OUT / (name + ".y%d.npy" % i), value)
    record = {
        "fit": spec["fit"],
        "inputs": len(xs),
        "outputs": len(ys),
        "targets": spec["target_format"],
        "output_names": [output for output, _ in spec["targets"]],
        "history": {k: [float(v) for v in vs] for k, vs in history.history.items()},
        "history_keys": list(history.history.keys()),
        "printed": printed,
    }
    (OUT / (name + ".json")).write_text(json.dumps(record, indent=1) + "\n")
    print(name, record["history"])
    print(printed)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    names = sys.argv[1:] or list(CASES) + list(GRAPH_CASES)
    for name in names:
        if name in GRAPH_CASES:
            make_graph(name)
        else:
            make(name)


if __name__ == "__main__":
    main()
