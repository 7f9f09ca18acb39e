#!/usr/bin/env python3
"""Records where Keras 3 issues its `input_shape=` UserWarning for each layer class, as Python
prints it on standard error:

    /…/site-packages/keras/src/layers/core/dense.py:107: UserWarning: Do not pass an ...
      super().__init__(activity_regularizer=activity_regularizer, **kwargs)

Python shows a warning once per place in Keras' code (file and line), so classes that share a
base `__init__` (Conv1D, Conv2D, Conv3D) show it once between them.

Usage (from the repository root):
    ~/keras-ref/bin/python Tools/keras-reference/make_warning_fixtures.py

Writes `Tests/Fixtures/keras3/input_shape_warnings.tsv`: one line per class, tab-separated: the
class, the call, Keras' file relative to site-packages, the line, the source line Python shows
(stripped), and the first line of the message; `-` in every column after the call when no warning
is issued, `refused` and the exception when Keras 3 refuses the keyword.
"""
import linecache
import os
import pathlib
import warnings

os.environ.pop("TF_USE_LEGACY_KERAS", None)
import keras  # noqa: E402
from keras import layers  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
OUT = ROOT / "Tests" / "Fixtures" / "keras3" / "input_shape_warnings.tsv"

# Each class with the fewest arguments it takes, and an input shape it accepts (the call is also
# what the test runs in ConvBook).
CASES = [
    ("Dense", "layers.Dense(4, input_shape=(5,))"),
    ("Conv1D", "layers.Conv1D(4, 3, input_shape=(10, 3))"),
    ("Conv2D", "layers.Conv2D(4, 3, input_shape=(10, 10, 3))"),
    ("Conv3D", "layers.Conv3D(4, 3, input_shape=(6, 6, 6, 3))"),
    ("Conv1DTranspose", "layers.Conv1DTranspose(4, 3, input_shape=(10, 3))"),
    ("Conv2DTranspose", "layers.Conv2DTranspose(4, 3, input_shape=(10, 10, 3))"),
    ("Conv3DTranspose", "layers.Conv3DTranspose(4, 3, input_shape=(6, 6, 6, 3))"),
    ("SeparableConv1D", "layers.SeparableConv1D(4, 3, input_shape=(10, 3))"),
    ("SeparableConv2D", "layers.SeparableConv2D(4, 3, input_shape=(10, 10, 3))"),
    ("DepthwiseConv1D", "layers.DepthwiseConv1D(3, input_shape=(10, 3))"),
    ("DepthwiseConv2D", "layers.DepthwiseConv2D(3, input_shape=(10, 10, 3))"),
    ("MaxPooling1D", "layers.MaxPooling1D(input_shape=(10, 3))"),
    ("MaxPooling2D", "layers.MaxPooling2D(input_shape=(10, 10, 3))"),
    ("MaxPooling3D", "layers.MaxPooling3D(input_shape=(6, 6, 6, 3))"),
    ("AveragePooling1D", "layers.AveragePooling1D(2, input_shape=(10, 3))"),
    ("AveragePooling2D", "layers.AveragePooling2D(2, input_shape=(10, 10, 3))"),
    ("AveragePooling3D", "layers.AveragePooling3D(2, input_shape=(6, 6, 6, 3))"),
    ("GlobalAveragePooling1D", "layers.GlobalAveragePooling1D(input_shape=(10, 3))"),
    ("GlobalAveragePooling2D", "layers.GlobalAveragePooling2D(input_shape=(10, 10, 3))"),
    ("GlobalAveragePooling3D", "layers.GlobalAveragePooling3D(input_shape=(6, 6, 6, 3))"),
    ("GlobalMaxPooling1D", "layers.GlobalMaxPooling1D(input_shape=(10, 3))"),
    ("GlobalMaxPooling2D", "layers.GlobalMaxPooling2D(input_shape=(10, 10, 3))"),
    ("GlobalMaxPooling3D", "layers.GlobalMaxPooling3D(input_shape=(6, 6, 6, 3))"),
    ("Flatten", "layers.Flatten(input_shape=(10, 10, 3))"),
    ("Dropout", "layers.Dropout(0.5, input_shape=(5,))"),
    ("SpatialDropout1D", "layers.SpatialDropout1D(0.5, input_shape=(10, 3))"),
    ("SpatialDropout2D", "layers.SpatialDropout2D(0.5, input_shape=(10, 10, 3))"),
    ("GaussianNoise", "layers.GaussianNoise(0.1, input_shape=(5,))"),
    ("GaussianDropout", "layers.GaussianDropout(0.1, input_shape=(5,))"),
    ("BatchNormalization", "layers.BatchNormalization(input_shape=(5,))"),
    ("LayerNormalization", "layers.LayerNormalization(input_shape=(5,))"),
    ("Activation", "layers.Activation('relu', input_shape=(5,))"),
    ("ReLU", "layers.ReLU(input_shape=(5,))"),
    ("LeakyReLU", "layers.LeakyReLU(input_shape=(5,))"),
    ("PReLU", "layers.PReLU(input_shape=(5,))"),
    ("ELU", "layers.ELU(input_shape=(5,))"),
    ("Softmax", "layers.Softmax(input_shape=(5,))"),
    ("Reshape", "layers.Reshape((5, 1), input_shape=(5,))"),
    ("Permute", "layers.Permute((2, 1), input_shape=(10, 3))"),
    ("RepeatVector", "layers.RepeatVector(2, input_shape=(5,))"),
    ("ZeroPadding1D", "layers.ZeroPadding1D(input_shape=(10, 3))"),
    ("ZeroPadding2D", "layers.ZeroPadding2D(input_shape=(10, 10, 3))"),
    ("ZeroPadding3D", "layers.ZeroPadding3D(input_shape=(6, 6, 6, 3))"),
    ("Cropping1D", "layers.Cropping1D(input_shape=(10, 3))"),
    ("Cropping2D", "layers.Cropping2D(input_shape=(10, 10, 3))"),
    ("Cropping3D", "layers.Cropping3D(input_shape=(6, 6, 6, 3))"),
    ("UpSampling1D", "layers.UpSampling1D(input_shape=(10, 3))"),
    ("UpSampling2D", "layers.UpSampling2D(input_shape=(10, 10, 3))"),
    ("UpSampling3D", "layers.UpSampling3D(input_shape=(6, 6, 6, 3))"),
    ("Embedding", "layers.Embedding(10, 4, input_shape=(5,))"),
    ("Rescaling", "layers.Rescaling(1 / 255, input_shape=(10, 10, 3))"),
    ("Normalization", "layers.Normalization(input_shape=(5,))"),
    ("Resizing", "layers.Resizing(4, 4, input_shape=(10, 10, 3))"),
    ("CenterCrop", "layers.CenterCrop(4, 4, input_shape=(10, 10, 3))"),
    ("RandomFlip", "layers.RandomFlip(input_shape=(10, 10, 3))"),
    ("RandomRotation", "layers.RandomRotation(0.1, input_shape=(10, 10, 3))"),
    ("RandomZoom", "layers.RandomZoom(0.1, input_shape=(10, 10, 3))"),
    ("RandomTranslation", "layers.RandomTranslation(0.1, 0.1, input_shape=(10, 10, 3))"),
    ("RandomContrast", "layers.RandomContrast(0.1, input_shape=(10, 10, 3))"),
    ("RandomCrop", "layers.RandomCrop(4, 4, input_shape=(10, 10, 3))"),
    ("RandomBrightness", "layers.RandomBrightness(0.1, input_shape=(10, 10, 3))"),
    ("Lambda", "layers.Lambda(lambda x: x, input_shape=(5,))"),
    ("Masking", "layers.Masking(input_shape=(10, 3))"),
    ("Identity", "layers.Identity(input_shape=(5,))"),
    ("TimeDistributed", "layers.TimeDistributed(layers.Dense(2), input_shape=(10, 3))"),
    ("LSTM", "layers.LSTM(4, input_shape=(10, 3))"),
    ("GRU", "layers.GRU(4, input_shape=(10, 3))"),
    ("SimpleRNN", "layers.SimpleRNN(4, input_shape=(10, 3))"),
    ("Dense (input_dim)", "layers.Dense(4, input_dim=5)"),
]


def site(filename):
    marker = "site-packages" + os.sep
    return filename.split(marker, 1)[1] if marker in filename else filename


def main():
    lines = []
    for name, call in CASES:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                eval(call, {"layers": layers})
            except Exception as error:  # Keras 3 refuses input_shape= on some layers.
                lines.append("\t".join([name, call, "refused", "-", "-", f"{type(error).__name__}: {error}"]))
                continue
        found = [w for w in caught if issubclass(w.category, UserWarning) and "input_shape" in str(w.message)]
        if not found:
            lines.append("\t".join([name, call, "-", "-", "-", "-"]))
            continue
        w = found[0]
        source = linecache.getline(w.filename, w.lineno).strip()
        lines.append("\t".join([name, call, site(w.filename), str(w.lineno), source, str(w.message).splitlines()[0]]))
    header = f"# keras {keras.__version__}: class, call, file, line, source line, message\n"
    OUT.write_text(header + "\n".join(lines) + "\n")
    print(f"wrote {OUT} ({len(lines)} classes)")


if __name__ == "__main__":
    main()
