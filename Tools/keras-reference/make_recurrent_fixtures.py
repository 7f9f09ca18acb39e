#!/usr/bin/env python3
"""Write forward-pass fixtures of the recurrent layers computed by a real tf-keras (or Keras 3).

Usage (see README.md):
    TF_USE_LEGACY_KERAS=1 ~/keras-ref/bin/python Tools/keras-reference/make_recurrent_fixtures.py [NAME ...]
    ~/keras-ref/bin/python Tools/keras-reference/make_recurrent_fixtures.py --keras3 [NAME ...]

For every case below this writes, in Tests/Fixtures/keras/forward-recurrent/ (Keras 3:
forward-recurrent-keras3/), the files of the graph fixtures (`make_forward_fixtures.py --graphs`):
NAME.py (binds `model`), NAME.weights.npz (tf-keras weight names,
`bidirectional/forward_lstm/lstm_cell/kernel:0`), NAME.inputs.npz (`input_0`, batch 3: floats,
or token ids with padding zeros for `Embedding(mask_zero=True)`, or all-zero steps for
`Masking`) and NAME.outputs.npz (`output_0`), plus index.json. Models with several inputs
(`initial_state=` fed from a second Input) get `input_1`, ... drawn as normal floats; models with
several outputs (`return_state=True`, `merge_mode=None`) get `output_1`, ...
"""
import os
import sys

KERAS3 = "--keras3" in sys.argv
if KERAS3:
    sys.argv.remove("--keras3")
    os.environ.pop("TF_USE_LEGACY_KERAS", None)
else:
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

if KERAS3:
    import keras
else:
    import tf_keras as keras

warnings.filterwarnings("ignore")
tf.get_logger().setLevel("ERROR")

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = ROOT / "Tests" / "Fixtures" / "keras" / (
    "forward-recurrent-keras3" if KERAS3 else "forward-recurrent")

HEADER = """\
from tensorflow import keras
from tensorflow.keras import layers

""" if not KERAS3 else """\
import keras
from keras import layers

"""

# name -> (description, code binding `model`, input kind)
CASES = {}


def case(name, description, code, inputs="normal"):
    CASES[name] = (description, textwrap.dedent(code).strip("\n") + "\n", inputs)


case("simple_rnn", "SimpleRNN sequence, then SimpleRNN go_backwards, Dense", """
    model = keras.Sequential([
        keras.Input(shape=(7, 3)),
        layers.SimpleRNN(5, return_sequences=True),
        layers.SimpleRNN(4, go_backwards=True),
        layers.Dense(2),
    ])
""")
case("lstm_stack", "two LSTMs, the first returning sequences", """
    model = keras.Sequential([
        keras.Input(shape=(6, 4)),
        layers.LSTM(6, return_sequences=True),
        layers.LSTM(4),
    ])
""")
case("lstm_options", "LSTM relu/hard_sigmoid without bias, go_backwards sequences", """
    model = keras.Sequential([
        keras.Input(shape=(5, 3)),
        layers.LSTM(4, activation='relu', recurrent_activation='hard_sigmoid', use_bias=False,
                    return_sequences=True, go_backwards=True),
        layers.LSTM(3, unroll=True, dropout=0.2, recurrent_dropout=0.1),
    ])
""")
case("gru_variants", "GRU reset_after (default) backwards, GRU reset_after=False", """
    model = keras.Sequential([
        keras.Input(shape=(6, 3)),
        layers.GRU(5, return_sequences=True, go_backwards=True),
        layers.GRU(3, reset_after=False),
    ])
""")
case("unknown_length", "Input(shape=(None, 4)): GRU over any number of steps", """
    inputs = keras.Input(shape=(None, 4))
    x = layers.GRU(4, return_sequences=True)(inputs)
    x = layers.Dense(3, activation='relu')(x)
    outputs = layers.SimpleRNN(2)(x)
    model = keras.Model(inputs, outputs)
""")
case("bidirectional_modes", "Bidirectional concat, sum, mul and ave", """
    model = keras.Sequential([
        keras.Input(shape=(6, 3)),
        layers.Bidirectional(layers.LSTM(4, return_sequences=True)),
        layers.Bidirectional(layers.GRU(3, return_sequences=True), merge_mode='sum'),
        layers.Bidirectional(layers.SimpleRNN(3, return_sequences=True), merge_mode='mul'),
        layers.Bidirectional(layers.LSTM(2), merge_mode='ave'),
    ])
""")
case("bidirectional_backward_layer", "Bidirectional with a GRU as backward_layer", """
    forward = layers.LSTM(3, return_sequences=True)
    backward = layers.GRU(3, return_sequences=True, go_backwards=True)
    model = keras.Sequential([
        keras.Input(shape=(5, 2)),
        layers.Bidirectional(forward, backward_layer=backward),
        layers.GlobalMaxPooling1D(),
    ])
""")
case("embedding_mask_lstm", "Embedding(mask_zero=True) into LSTM sequences and LSTM", """
    model = keras.Sequential([
        keras.Input(shape=(8,)),
        layers.Embedding(20, 6, mask_zero=True),
        layers.LSTM(5, return_sequences=True),
        layers.Dense(4),
        layers.LSTM(3),
    ])
""", inputs="ids")
case("embedding_mask_gru_sequences", "masked GRU and SimpleRNN sequences (outputs at masked steps)", """
    model = keras.Sequential([
        keras.Input(shape=(8,)),
        layers.Embedding(20, 4, mask_zero=True),
        layers.GRU(3, return_sequences=True),
        layers.SimpleRNN(2, return_sequences=True, go_backwards=True),
    ])
""", inputs="ids")
case("embedding_mask_bidirectional", "Embedding(mask_zero=True) into Bidirectional LSTM and GRU", """
    model = keras.Sequential([
        keras.Input(shape=(8,)),
        layers.Embedding(20, 4, mask_zero=True),
        layers.Bidirectional(layers.LSTM(3, return_sequences=True)),
        layers.Bidirectional(layers.GRU(2)),
    ])
""", inputs="ids")
case("masking_gru", "Masking(0.0) into GRU sequences and LSTM", """
    model = keras.Sequential([
        keras.Input(shape=(7, 3)),
        layers.Masking(mask_value=0.0),
        layers.GRU(4, return_sequences=True),
        layers.LSTM(2),
    ])
""", inputs="masked")
case("masking_value", "Masking(-1.0) into a Bidirectional SimpleRNN sequence", """
    model = keras.Sequential([
        keras.Input(shape=(6, 2)),
        layers.Masking(mask_value=-1.0),
        layers.Bidirectional(layers.SimpleRNN(3, return_sequences=True)),
    ])
""", inputs="masked_minus_one")
case("crnn", "CRNN: Conv2D features, Reshape to a sequence, Bidirectional GRU, Dense", """
    inputs = keras.Input(shape=(8, 12, 1))
    x = layers.Conv2D(4, 3, padding='same', activation='relu')(inputs)
    x = layers.MaxPooling2D((2, 2))(x)
    x = layers.Permute((2, 1, 3))(x)
    x = layers.Reshape((6, 16))(x)
    x = layers.Bidirectional(layers.GRU(4, return_sequences=True))(x)
    outputs = layers.Dense(5, activation='softmax')(x)
    model = keras.Model(inputs, outputs)
""")

case("convlstm2d_video", "ConvLSTM2D sequences (same) then ConvLSTM2D with strides", """
    model = keras.Sequential([
        keras.Input(shape=(4, 6, 6, 2)),
        layers.ConvLSTM2D(3, 3, padding='same', return_sequences=True),
        layers.ConvLSTM2D(2, (3, 3), strides=2),
    ])
""")
case("convlstm1d", "ConvLSTM1D dilated backwards sequences, then ConvLSTM1D sigmoid", """
    model = keras.Sequential([
        keras.Input(shape=(5, 9, 2)),
        layers.ConvLSTM1D(3, 3, dilation_rate=2, return_sequences=True, go_backwards=True),
        layers.ConvLSTM1D(2, 2, padding='same', recurrent_activation='sigmoid'),
    ])
""")
case("embedding_mask_average", "Embedding(mask_zero=True), SpatialDropout1D, Dense, masked GlobalAveragePooling1D", """
    model = keras.Sequential([
        keras.Input(shape=(8,)),
        layers.Embedding(20, 5, mask_zero=True),
        layers.SpatialDropout1D(0.2),
        layers.Dense(4, activation='relu'),
        layers.GlobalAveragePooling1D(),
        layers.Dense(2),
    ])
""", inputs="ids")
case("masking_average", "Masking, GRU sequences, masked GlobalAveragePooling1D in a graph", """
    inputs = keras.Input(shape=(7, 3))
    x = layers.Masking()(inputs)
    x = layers.GRU(4, return_sequences=True)(x)
    pooled = layers.GlobalAveragePooling1D()(x)
    outputs = layers.Concatenate()([pooled, layers.GlobalMaxPooling1D()(x)])
    model = keras.Model(inputs, outputs)
""", inputs="masked")

case("lstm_return_state", "LSTM return_state=True: the last output, h and c as three model outputs", """
    inputs = keras.Input(shape=(6, 3))
    output, h, c = layers.LSTM(4, return_state=True)(inputs)
    model = keras.Model(inputs, [output, h, c])
""")
case("seq2seq_initial_state", "encoder LSTM states into a decoder LSTM (initial_state=[h, c]), Dense per step", """
    encoder_inputs = keras.Input(shape=(6, 3))
    _, h, c = layers.LSTM(5, return_state=True)(encoder_inputs)
    decoder_inputs = keras.Input(shape=(4, 2))
    x = layers.LSTM(5, return_sequences=True)(decoder_inputs, initial_state=[h, c])
    outputs = layers.Dense(3, activation='softmax')(x)
    model = keras.Model([encoder_inputs, decoder_inputs], outputs)
""")
case("gru_state_sequences", "GRU sequences with its state, a SimpleRNN started from a Dense of that state, go_backwards", """
    inputs = keras.Input(shape=(5, 3))
    sequence, state = layers.GRU(4, return_sequences=True, return_state=True)(inputs)
    start = layers.Dense(3, activation='tanh')(state)
    last, final = layers.SimpleRNN(3, return_state=True, go_backwards=True)(sequence, initial_state=start)
    model = keras.Model(inputs, [sequence, last, final])
""")
case("masked_return_state", "Embedding(mask_zero=True) into LSTM return_state: states keep their values at masked steps", """
    inputs = keras.Input(shape=(8,))
    x = layers.Embedding(20, 4, mask_zero=True)(inputs)
    sequence, h, c = layers.LSTM(3, return_sequences=True, return_state=True)(x)
    model = keras.Model(inputs, [sequence, h, c])
""", inputs="ids")
case("bidirectional_states", "Bidirectional(LSTM, return_state=True): merged output and both directions' states", """
    inputs = keras.Input(shape=(6, 3))
    outputs = layers.Bidirectional(layers.LSTM(3, return_state=True))(inputs)
    model = keras.Model(inputs, outputs)
""")
case("bidirectional_merge_none", "Bidirectional(GRU, merge_mode=None): both directions' sequences, then a GRU started from their states", """
    inputs = keras.Input(shape=(6, 3))
    forward, backward = layers.Bidirectional(layers.GRU(3, return_sequences=True), merge_mode=None)(inputs)
    both = layers.Concatenate()([forward, backward])
    _, fh, bh = layers.Bidirectional(layers.GRU(2, return_state=True), merge_mode='sum')(both)
    x = layers.GRU(2)(forward, initial_state=fh)
    model = keras.Model(inputs, [x, backward, bh])
""")
case("bidirectional_initial_state", "Bidirectional(LSTM) started from a second input's forward and backward states (initial_state=[fh, fc, bh, bc])", """
    inputs = keras.Input(shape=(5, 3))
    context = keras.Input(shape=(4,))
    fh = layers.Dense(2, activation='tanh')(context)
    fc = layers.Dense(2)(context)
    bh = layers.Dense(2, activation='tanh')(context)
    bc = layers.Dense(2)(context)
    outputs = layers.Bidirectional(layers.LSTM(2, return_sequences=True))(
        inputs, initial_state=[fh, fc, bh, bc])
    model = keras.Model([inputs, context], outputs)
""")
case("embedding_mask_attention", "Embedding(mask_zero=True) into MultiHeadAttention self-attention (padded keys weigh 0, padded queries attend uniformly), causal too, masked GlobalAveragePooling1D", """
    inputs = keras.Input(shape=(8,))
    x = layers.Embedding(20, 6, mask_zero=True)(inputs)
    y = layers.MultiHeadAttention(num_heads=2, key_dim=3)(x, x)
    z = layers.MultiHeadAttention(num_heads=1, key_dim=4)(y, x, use_causal_mask=True)
    outputs = layers.GlobalAveragePooling1D()(z)
    model = keras.Model(inputs, [y, outputs])
""", inputs="ids")
case("embedding_mask_dot_attention", "Embedding(mask_zero=True) into Attention and AdditiveAttention (masked keys weigh 0, masked queries output zeros), causal too", """
    inputs = keras.Input(shape=(8,))
    x = layers.Embedding(20, 4, mask_zero=True)(inputs)
    y = layers.Attention(use_scale=True)([x, x])
    z = layers.AdditiveAttention()([y, x], use_causal_mask=True)
    outputs = layers.GlobalAveragePooling1D()(z)
    model = keras.Model(inputs, [y, z, outputs])
""", inputs="ids")

# Keras 3 records only the cases whose numbers differ there: ConvLSTM's default
# recurrent_activation is 'sigmoid' in Keras 3, 'hard_sigmoid' in tf-keras.
KERAS3_CASES = ["convlstm2d_video", "convlstm1d"]


def random_weight(rng, name, shape):
    short = name.split("/")[-1].split(":")[0]
    if short in ("bias", "beta"):
        return rng.normal(0.0, 0.2, size=shape)
    if short == "embeddings":
        return rng.normal(0.0, 0.5, size=shape)
    fan_in = int(np.prod(shape[:-1])) if len(shape) > 1 else 1
    return rng.normal(0.0, 1.0 / np.sqrt(max(fan_in, 1)), size=shape)


def make_input(kind, shape, rng):
    if kind == "ids":
        ids = rng.integers(1, 20, size=shape)
        # post-padding, pre-padding and a zero in the middle
        ids[0, 5:] = 0
        ids[1, :3] = 0
        ids[2, 2] = 0
        ids[2, 6] = 0
        return ids.astype(np.float32)
    x = rng.normal(0.0, 1.0, size=shape).astype(np.float32)
    if kind in ("masked", "masked_minus_one"):
        value = 0.0 if kind == "masked" else -1.0
        x[0, 4:] = value
        x[1, :2] = value
        x[2, 3] = value
    return x


def run_case(name):
    keras.backend.clear_session()
    description, code, kind = CASES[name]
    src = HEADER + code
    ns = {"__name__": "__main__"}
    exec(compile(src, name + ".py", "exec"), ns)
    model = ns["model"]
    seed = zlib.crc32(name.encode())
    rng = np.random.default_rng(seed)
    weights = {}
    for layer in model.layers:
        for w in layer.weights:
            value = random_weight(rng, w.name, tuple(int(d) for d in w.shape)).astype(np.float32)
            w.assign(value)
            # Keras 3 names a variable by its own name: keys take tf-keras' `layer/name:0`.
            key = w.name if not KERAS3 else f"{layer.name}/{w.name}:0"
            assert key not in weights, key
            weights[key] = value
    xs = []
    for index, tensor in enumerate(model.inputs):
        shape = [3] + [6 if d is None else int(d) for d in tensor.shape[1:]]
        xs.append(make_input(kind if index == 0 else "normal", tuple(shape), rng))
    ys = model.predict(xs if len(xs) > 1 else xs[0], verbose=0)
    ys = [np.asarray(y, np.float32) for y in (ys if isinstance(ys, (list, tuple)) else [ys])]
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{name}.py").write_text(src)
    np.savez(OUT / f"{name}.weights.npz", **weights)
    np.savez(OUT / f"{name}.inputs.npz", **{f"input_{i}": x for i, x in enumerate(xs)})
    np.savez(OUT / f"{name}.outputs.npz", **{f"output_{i}": y for i, y in enumerate(ys)})
    return {
        "name": name,
        "description": description,
        "seed": seed,
        "input_shapes": [list(x.shape) for x in xs],
        "output_shapes": [list(y.shape) for y in ys],
        "weights": [{"name": k, "shape": list(v.shape)} for k, v in weights.items()],
    }


def main(argv):
    names = argv or (KERAS3_CASES if KERAS3 else list(CASES))
    index = [run_case(name) for name in names]
    path = OUT / "index.json"
    if argv and path.exists():
        # Some cases re-recorded: the others keep their entries, in case order.
        fresh = {entry["name"]: entry for entry in index}
        kept = {entry["name"]: entry for entry in json.loads(path.read_text())["cases"]}
        kept.update(fresh)
        index = [kept[name] for name in CASES if name in kept]
    if True:
        path.write_text(json.dumps({
            "keras_version": keras.__version__,
            "tensorflow_version": tf.__version__,
            "numpy_version": np.__version__,
            "cases": index,
        }, indent=1) + "\n")
    for name in names:
        print(name, file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
