#!/usr/bin/env python3
"""Forward-pass fixtures beyond Tools/keras-reference/make_forward_fixtures.py: channels_first
layers, 1D depthwise/separable (causal) and transposed convolutions, 3D transposed convolutions,
every UpSampling2D interpolation, more activations, Rescaling and a functional model, Embedding
(integer token ids), the image preprocessing and augmentation layers, and Normalization.

Reuses that script's machinery (same file layout, weights, index.json) with its own cases and
writes them here. Usage:
    TF_USE_LEGACY_KERAS=1 ~/keras-ref/bin/python Tests/Fixtures/keras/forward-extra/make_forward_extra_fixtures.py [NAME ...]
"""
import importlib.util
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent.parent
spec = importlib.util.spec_from_file_location(
    "make_forward_fixtures", ROOT / "Tools" / "keras-reference" / "make_forward_fixtures.py")
base = importlib.util.module_from_spec(spec)
spec.loader.exec_module(base)
base.CASES.clear()
base.OUT = HERE
case = base.case

case("conv2d_channels_first", "Conv2D, pooling, padding and Flatten with data_format='channels_first'", """
    keras.Input(shape=(3, 9, 8)),
    layers.Conv2D(4, 3, padding='same', strides=2, data_format='channels_first'),
    layers.ZeroPadding2D(((1, 0), (0, 2)), data_format='channels_first'),
    layers.MaxPooling2D(2, data_format='channels_first'),
    layers.Conv2D(5, (2, 1), data_format='channels_first', activation='relu'),
    layers.Flatten(data_format='channels_first'),
    layers.Dense(3),
""")
case("channels_first_misc", "channels_first: AveragePooling2D same, Cropping2D, UpSampling2D, BN axis=1, GlobalAveragePooling2D", """
    keras.Input(shape=(2, 6, 5)),
    layers.AveragePooling2D(3, strides=1, padding='same', data_format='channels_first'),
    layers.Cropping2D(((1, 0), (1, 1)), data_format='channels_first'),
    layers.UpSampling2D((2, 1), data_format='channels_first'),
    layers.BatchNormalization(axis=1),
    layers.GlobalAveragePooling2D(data_format='channels_first', keepdims=True),
""")
case("global_channels_first", "GlobalMaxPooling1D and Conv1D with channels_first", """
    keras.Input(shape=(3, 10)),
    layers.Conv1D(4, 3, data_format='channels_first'),
    layers.GlobalMaxPooling1D(data_format='channels_first'),
""")
case("conv3d_channels_first", "Conv3D and MaxPooling3D channels_first", """
    keras.Input(shape=(2, 4, 5, 4)),
    layers.Conv3D(3, 2, padding='same', data_format='channels_first'),
    layers.MaxPooling3D(2, data_format='channels_first'),
""")
case("separable_conv1d_causal", "SeparableConv1D causal and dilated, DepthwiseConv1D", """
    keras.Input(shape=(12, 3)),
    layers.SeparableConv1D(4, 3, padding='causal', dilation_rate=2, depth_multiplier=2),
    layers.DepthwiseConv1D(3, depth_multiplier=2, padding='same'),
    layers.SeparableConv1D(3, 2, strides=2, activation='tanh'),
""")
case("dilated_depthwise_separable", "DepthwiseConv2D and SeparableConv2D with dilation_rate", """
    keras.Input(shape=(9, 9, 2)),
    layers.DepthwiseConv2D(3, dilation_rate=2, padding='same'),
    layers.SeparableConv2D(3, 2, dilation_rate=(2, 1), activation='relu'),
""")
case("transposed_1d_3d", "Conv1DTranspose and Conv3DTranspose", """
    keras.Input(shape=(5, 3)),
    layers.Conv1DTranspose(4, 3, strides=2, padding='same'),
    layers.Conv1DTranspose(2, 2, strides=3, output_padding=1),
    layers.Reshape((3, 2, 5, 2)),
    layers.Conv3DTranspose(2, 2, strides=(1, 2, 1), padding='same'),
""")
case("upsampling2d_interpolations", "UpSampling2D with bicubic, area, nearest and bilinear", """
    keras.Input(shape=(3, 4, 2)),
    layers.UpSampling2D((2, 3), interpolation='bicubic'),
    layers.UpSampling2D(2, interpolation='area'),
    layers.UpSampling2D((1, 2), interpolation='bilinear'),
""")
case("upsampling2d_kernels", "UpSampling2D with lanczos3, lanczos5, gaussian and mitchellcubic", """
    keras.Input(shape=(3, 3, 1)),
    layers.UpSampling2D(2, interpolation='lanczos3'),
    layers.UpSampling2D((1, 2), interpolation='lanczos5'),
    layers.UpSampling2D((2, 1), interpolation='gaussian'),
    layers.UpSampling2D(2, interpolation='mitchellcubic'),
""")
case("activations_c", "relu6, leaky_relu, mish, exponential-free extras and Rescaling", """
    keras.Input(shape=(6,)),
    layers.Rescaling(0.5, offset=-0.25),
    layers.Dense(6, activation='relu6'),
    layers.Dense(6, activation='leaky_relu'),
    layers.Dense(6, activation='mish'),
    layers.Dense(6, activation='log_softmax'),
    layers.Dense(6, activation='silu'),
    layers.GaussianNoise(0.3),
    layers.ActivityRegularization(l1=0.1),
""", input_scale=3.0)
case("batchnorm_dense", "BatchNormalization after Dense (rank 2) and on a rank-3 tensor", """
    keras.Input(shape=(4, 5)),
    layers.BatchNormalization(),
    layers.Dense(3),
    layers.BatchNormalization(axis=1, epsilon=1e-5),
    layers.Flatten(),
    layers.BatchNormalization(center=False, scale=False),
""")
case("strided_pooling_conv", "Strided convolutions and pooling with odd sizes, same and valid", """
    keras.Input(shape=(23, 21, 3)),
    layers.Conv2D(8, 5, strides=3, padding='same', activation='elu'),
    layers.MaxPooling2D(3, strides=2, padding='same'),
    layers.Conv2D(6, 1, activation='selu'),
    layers.AveragePooling2D((2, 1), strides=(1, 2)),
    layers.Conv2D(4, 2, dilation_rate=1, padding='valid', activation='softplus'),
""")

case("winograd_convs", "3x3 stride-1 Conv2D of 8+ channels (ConvBook's Winograd path): same/valid, odd sizes, BN, tanh", """
    keras.Input(shape=(11, 13, 8)),
    layers.Conv2D(16, 3, padding='same', activation='tanh'),
    layers.BatchNormalization(),
    layers.Conv2D(12, 3),
    layers.Conv2D(33, 3, padding='same', activation='relu'),
    layers.Conv2D(8, 3, use_bias=False),
""")

case("embedding_text_cnn", "Embedding (integer token ids as float input) -> Conv1D -> GlobalMaxPooling1D", """
    layers.Embedding(50, 8, input_length=12),
    layers.Conv1D(6, 3, activation='relu'),
    layers.GlobalMaxPooling1D(),
    layers.Dense(1, activation='sigmoid'),
""")
case("image_preprocessing", "Rescaling, Resizing, Random* augmentation (identity at inference), CenterCrop, RandomCrop (smart_resize at inference), Normalization", """
    keras.Input(shape=(20, 24, 3)),
    layers.Rescaling(1./255, offset=0.5),
    layers.Resizing(16, 18),
    layers.RandomFlip('horizontal'),
    layers.RandomRotation(0.2),
    layers.RandomZoom(0.1),
    layers.RandomContrast(0.3),
    layers.RandomTranslation(0.1, 0.1),
    layers.CenterCrop(12, 15),
    layers.RandomCrop(10, 6),
    layers.Resizing(7, 9, interpolation='nearest'),
    layers.Resizing(5, 4, crop_to_aspect_ratio=True),
    layers.Normalization(mean=[0.1, 0.2, 0.3], variance=[1.0, 2.0, 0.5]),
""")
case("center_crop_upsize", "CenterCrop larger than the image (smart_resize), bicubic Resizing, Normalization axis=None and invert", """
    keras.Input(shape=(5, 7, 2)),
    layers.CenterCrop(8, 6),
    layers.Resizing(9, 4, interpolation='bicubic'),
    layers.Normalization(axis=None, mean=0.5, variance=2.0),
    layers.Normalization(mean=[0.25, -1.0], variance=[4.0, 0.0], invert=True),
    layers.Normalization(axis=(1, 2), mean=[0.5, -0.5, 0.0, 1.0], variance=[0.25, 9.0, 1.0, 2.0]),
""")

# Embedding cases take integer token ids below the vocabulary size (as float32, like a .npy of ids).
INTEGER_INPUTS = {"embedding_text_cnn": 50}
_run_case = base.run_case


def run_case(name):
    if name not in INTEGER_INPUTS:
        return _run_case(name)
    normal = base.np.random.Generator.normal
    vocabulary = INTEGER_INPUTS[name]

    class Rng:
        def __init__(self, rng):
            self.rng = rng
            self.weights_done = False

        def __getattr__(self, attribute):
            return getattr(self.rng, attribute)

        def normal(self, loc, scale, size):
            if base.np.ndim(size) and size[0] == 2 and len(size) == 2 and loc == 0.0 and scale == 1.0:
                return self.rng.integers(0, vocabulary, size=size).astype(base.np.float32)
            return self.rng.normal(loc, scale, size=size)

    default_rng = base.np.random.default_rng
    base.np.random.default_rng = lambda seed: Rng(default_rng(seed))
    try:
        return _run_case(name)
    finally:
        base.np.random.default_rng = default_rng


base.run_case = run_case

if __name__ == "__main__":
    base.main(sys.argv[1:])
