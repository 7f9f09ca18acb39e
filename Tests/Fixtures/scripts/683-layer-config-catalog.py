# Every kind of layer a lesson builds, made with settings away from the defaults, printed as its
# config before and after the model is built (the keys, their order and each value's form).
from tensorflow import keras
from tensorflow.keras import layers

catalog = [
    ("conv", lambda: layers.Conv1D(6, 5, strides=2, padding="causal", dilation_rate=1, activation="elu"), (20, 3)),
    ("conv3", lambda: layers.Conv3D(4, (3, 2, 2), padding="same", use_bias=False), (6, 6, 6, 2)),
    ("tconv1", lambda: layers.Conv1DTranspose(3, 4, strides=2, activation="relu"), (10, 4)),
    ("tconv3", lambda: layers.Conv3DTranspose(2, 2, strides=(2, 2, 2)), (3, 3, 3, 2)),
    ("sep1", lambda: layers.SeparableConv1D(5, 3, depth_multiplier=2, padding="same"), (12, 4)),
    ("dw1", lambda: layers.DepthwiseConv1D(3, depth_multiplier=3), (12, 4)),
    ("pool3", lambda: layers.MaxPooling3D(pool_size=(2, 2, 1), padding="same"), (6, 6, 6, 2)),
    ("avg3", lambda: layers.AveragePooling3D(2, strides=1), (6, 6, 6, 2)),
    ("gap3", lambda: layers.GlobalAveragePooling3D(), (4, 4, 4, 2)),
    ("gmp1", lambda: layers.GlobalMaxPooling1D(keepdims=True), (10, 4)),
    ("group", lambda: layers.GroupNormalization(groups=4, epsilon=1e-5), (8, 8)),
    ("unit", lambda: layers.UnitNormalization(axis=1), (6,)),
    ("lnorm", lambda: layers.LayerNormalization(axis=-1, epsilon=1e-6, center=False), (7,)),
    ("sdrop1", lambda: layers.SpatialDropout1D(0.3), (10, 4)),
    ("sdrop3", lambda: layers.SpatialDropout3D(0.2), (4, 4, 4, 2)),
    ("noise", lambda: layers.GaussianNoise(0.1), (5,)),
    ("gdrop", lambda: layers.GaussianDropout(0.25), (5,)),
    ("actreg", lambda: layers.ActivityRegularization(l1=0.01), (5,)),
    ("elu", lambda: layers.ELU(alpha=0.5), (5,)),
    ("prelu", lambda: layers.PReLU(shared_axes=[1, 2]), (4, 4, 3)),
    ("softmax", lambda: layers.Softmax(axis=1), (3, 4)),
    ("permute", lambda: layers.Permute((2, 1)), (3, 4)),
    ("repeat", lambda: layers.RepeatVector(4), (5,)),
    ("masking", lambda: layers.Masking(mask_value=-1.0), (3, 4)),
    ("zpad1", lambda: layers.ZeroPadding1D(padding=2), (10, 4)),
    ("zpad3", lambda: layers.ZeroPadding3D(padding=(1, 2, 1)), (4, 4, 4, 2)),
    ("crop1", lambda: layers.Cropping1D(cropping=(1, 2)), (10, 4)),
    ("crop2", lambda: layers.Cropping2D(cropping=((2, 2), (4, 4))), (28, 28, 1)),
    ("crop3", lambda: layers.Cropping3D(cropping=1), (6, 6, 6, 2)),
    ("up1", lambda: layers.UpSampling1D(size=3), (5, 2)),
    ("up2", lambda: layers.UpSampling2D(size=(2, 3), interpolation="bilinear"), (4, 4, 1)),
    ("up3", lambda: layers.UpSampling3D(size=2), (3, 3, 3, 1)),
    ("rnn", lambda: layers.SimpleRNN(6, return_sequences=True, activation="relu"), (5, 3)),
    ("lstm", lambda: layers.LSTM(8, dropout=0.2, return_state=False, unit_forget_bias=False), (5, 3)),
    ("gru", lambda: layers.GRU(5, reset_after=False, go_backwards=True, recurrent_activation="hard_sigmoid"), (5, 3)),
    ("clstm1", lambda: layers.ConvLSTM1D(3, 3, padding="same", return_sequences=True), (4, 10, 3)),
    ("clstm2", lambda: layers.ConvLSTM2D(4, (3, 3), strides=1), (4, 10, 10, 3)),
    ("rescale", lambda: layers.Rescaling(1.0 / 255, offset=-1), (8, 8, 3)),
    ("resize", lambda: layers.Resizing(6, 6, interpolation="nearest"), (8, 8, 3)),
    ("center", lambda: layers.CenterCrop(6, 6), (8, 8, 3)),
    ("rcrop", lambda: layers.RandomCrop(6, 6, seed=7), (8, 8, 3)),
    ("flip", lambda: layers.RandomFlip("horizontal", seed=1), (8, 8, 3)),
    ("rot", lambda: layers.RandomRotation(0.2, fill_mode="nearest"), (8, 8, 3)),
    ("zoom", lambda: layers.RandomZoom(0.1, 0.2), (8, 8, 3)),
    ("contrast", lambda: layers.RandomContrast(0.3), (8, 8, 3)),
    ("shift", lambda: layers.RandomTranslation(0.1, 0.2, fill_mode="constant"), (8, 8, 3)),
    ("norm", lambda: layers.Normalization(axis=-1), (5,)),
    ("lnorm2", lambda: layers.LayerNormalization(axis=[1, 2]), (4, 4, 3)),
    ("bnorm", lambda: layers.BatchNormalization(momentum=0.9), (4, 4, 3)),
    ("prelu1", lambda: layers.PReLU(shared_axes=1), (4, 3)),
    ("lstm1", lambda: layers.LSTM(3, dropout=1, recurrent_dropout=0), (5, 2)),
    ("leaky", lambda: layers.LeakyReLU(0.2), (5,)),
    ("dist", lambda: layers.TimeDistributed(layers.Dense(3, activation="relu")), (5, 4)),
    ("distconv", lambda: layers.TimeDistributed(layers.Conv2D(2, 3)), (3, 8, 8, 1)),
    ("bidi", lambda: layers.Bidirectional(layers.LSTM(4, return_sequences=True)), (5, 3)),
    ("bidigru", lambda: layers.Bidirectional(layers.GRU(2), merge_mode="sum"), (5, 3)),
]

for tag, make, shape in catalog:
    layer = make()
    print(tag, layer.get_config())
    keras.Sequential([keras.Input(shape=shape), layer])
    print(tag, "built", layer.get_config())
