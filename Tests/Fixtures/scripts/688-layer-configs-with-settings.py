# Layers made with the settings real models pass (initializers, regularizers, ranges, axes,
# wrappers, merges), each config printed before and after the layer is called.
from tensorflow import keras
from tensorflow.keras import layers, regularizers, initializers
cases = [
  (lambda: layers.Attention(score_mode="concat", dropout=0.1), [(5, 4), (6, 4)]),
  (lambda: layers.AdditiveAttention(use_scale=False), [(5, 4), (6, 4)]),
  (lambda: layers.Embedding(1000, 64, input_length=10, mask_zero=True), (10,)),
  (lambda: layers.Embedding(50, 8, embeddings_initializer="uniform", embeddings_regularizer=regularizers.l2(1e-5)), (10,)),
  (lambda: layers.LSTM(32, activation="relu", kernel_regularizer=regularizers.l2(0.01), recurrent_initializer="glorot_uniform", unroll=True), (5, 3)),
  (lambda: layers.GRU(16, implementation=1, dropout=0.25, recurrent_dropout=0.1), (5, 3)),
  (lambda: layers.SimpleRNN(8), (10, 3)),
  (lambda: layers.ConvLSTM2D(filters=4, kernel_size=(3, 3), padding="same", return_sequences=True, data_format="channels_last", activation="relu"), (3, 8, 8, 2)),
  (lambda: layers.Normalization(axis=None), (4,)),
  (lambda: layers.Normalization(mean=0.5, variance=2.0), (4,)),
  (lambda: layers.Rescaling(scale=1./127.5, offset=-1), (8, 8, 3)),
  (lambda: layers.Resizing(6, 6, crop_to_aspect_ratio=True), (8, 8, 3)),
  (lambda: layers.RandomFlip("horizontal_and_vertical"), (8, 8, 3)),
  (lambda: layers.RandomZoom(height_factor=(-0.2, 0.2), width_factor=(-0.2, 0.2)), (8, 8, 3)),
  (lambda: layers.RandomBrightness(factor=0.2, value_range=(0, 1)), (8, 8, 3)),
  (lambda: layers.RandomRotation(factor=(-0.1, 0.1), fill_mode="constant", fill_value=1.0), (8, 8, 3)),
  (lambda: layers.PReLU(alpha_initializer=initializers.Constant(0.25)), (4,)),
  (lambda: layers.LeakyReLU(0.1), (4,)),
  (lambda: layers.ELU(alpha=0.3), (4,)),
  (lambda: layers.Cropping2D(((1, 1), (2, 2))), (8, 8, 3)),
  (lambda: layers.UpSampling2D(size=2, interpolation="nearest"), (4, 4, 3)),
  (lambda: layers.GlobalAveragePooling2D(data_format="channels_last", keepdims=False), (4, 4, 3)),
  (lambda: layers.Bidirectional(layers.LSTM(4, return_sequences=True), merge_mode=None), (5, 3)),
  (lambda: layers.Dot(axes=(1, 1), normalize=True), [(5,), (5,)]),
  (lambda: layers.Dot(axes=[2, 2]), [(3, 5), (4, 5)]),
  (lambda: layers.Concatenate(axis=1), [(3, 5), (4, 5)]),
  (lambda: layers.Permute((2, 1, 3)), (3, 4, 5)),
  (lambda: layers.GaussianNoise(0.1, seed=1), (4,)),
  (lambda: layers.ActivityRegularization(l1=0.01, l2=0.001), (4,)),
  (lambda: layers.LayerNormalization(axis=[1, 2, 3]), (3, 4, 5)),
  (lambda: layers.BatchNormalization(axis=1), (3, 4, 5)),
  (lambda: layers.GroupNormalization(groups=2, axis=-1), (8,)),
  (lambda: layers.Dropout(0.5, noise_shape=[None, 1, 8]), (3, 8)),
  (lambda: layers.Flatten(data_format="channels_first"), (3, 4, 5)),
  (lambda: layers.Conv2D(8, 3, kernel_initializer=initializers.HeNormal(seed=3), bias_initializer=initializers.Constant(0.1), activity_regularizer=regularizers.l1(0.01)), (8, 8, 3)),
  (lambda: layers.SeparableConv2D(8, 3, depthwise_regularizer=regularizers.l2(0.01), pointwise_initializer="he_normal"), (8, 8, 3)),
  (lambda: layers.DepthwiseConv2D(3, depth_multiplier=2, depthwise_initializer="he_uniform"), (8, 8, 3)),
  (lambda: layers.Conv2DTranspose(4, 3, strides=2, padding="same", output_padding=1), (4, 4, 3)),
  (lambda: layers.Conv1D(4, 3, dilation_rate=2, groups=1), (12, 2)),
  (lambda: layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="same"), (8, 8, 3)),
  (lambda: layers.AveragePooling1D(pool_size=2, strides=None), (8, 3)),
  (lambda: layers.Dense(5, use_bias=False, kernel_constraint=keras.constraints.max_norm(3)), (4,)),
]
for make, shape in cases:
    layer = make()
    try:
        print(layer.get_config())
    except Exception as e:
        print("ERR", type(e).__name__, e)
        continue
    if shape is None:
        keras.Sequential([layer])
    elif isinstance(shape, list):
        layer([keras.Input(shape=s) for s in shape])
    else:
        layer(keras.Input(shape=shape))
    print(layer.get_config())
print(layers.Conv1DTranspose(2, 3, strides=2, output_padding=1).get_config()["output_padding"])
print(layers.Conv3DTranspose(2, 3, strides=2, output_padding=(1, 0, 1)).get_config()["output_padding"])
print(layers.RandomBrightness(factor=(-0.1, 0.3)).get_config()["factor"])
print(layers.RandomBrightness(0.1, value_range=[0, 255]).get_config()["value_range"])
print(layers.Dropout(0.5, noise_shape=(None, 1)).get_config()["noise_shape"])
print(layers.Normalization(axis=(1, 2)).get_config()["axis"], layers.Normalization(axis=1).get_config()["axis"])

# Tracked lists stay tracked only in a layer's own config; serialized entries hold plain lists.
norm = layers.BatchNormalization()
shared = layers.PReLU(shared_axes=[1, 2])
holder = keras.Sequential([keras.Input((4, 4, 3)), norm, shared,
                           layers.TimeDistributed(layers.LayerNormalization(axis=[1]))])
print(norm.get_config()["axis"], keras.layers.serialize(norm)["config"]["axis"])
print(shared.get_config()["shared_axes"], keras.layers.serialize(shared)["config"]["shared_axes"])
print([entry["config"].get("axis") for entry in holder.get_config()["layers"]])
print(holder.layers[-1].get_config()["layer"]["config"]["axis"])
