# CBAM attention on a conv block: shared MLP on pooled features, spatial attention from channel statistics.
from tensorflow.keras import layers, Model
from tensorflow.keras import backend as K


def channel_attention(feature, ratio=8):
    channel = K.int_shape(feature)[-1]
    shared_one = layers.Dense(channel // ratio, activation="relu", kernel_initializer="he_normal",
                              use_bias=True, bias_initializer="zeros")
    shared_two = layers.Dense(channel, kernel_initializer="he_normal", use_bias=True,
                              bias_initializer="zeros")
    avg_pool = layers.GlobalAveragePooling2D()(feature)
    avg_pool = layers.Reshape((1, 1, channel))(avg_pool)
    avg_pool = shared_two(shared_one(avg_pool))
    max_pool = layers.GlobalMaxPooling2D()(feature)
    max_pool = layers.Reshape((1, 1, channel))(max_pool)
    max_pool = shared_two(shared_one(max_pool))
    attention = layers.Add()([avg_pool, max_pool])
    attention = layers.Activation("sigmoid")(attention)
    return layers.multiply([feature, attention])


def spatial_attention(feature, kernel_size=7):
    avg_pool = layers.Lambda(lambda x: K.mean(x, axis=3, keepdims=True))(feature)
    max_pool = layers.Lambda(lambda x: K.max(x, axis=3, keepdims=True))(feature)
    concat = layers.Concatenate(axis=3)([avg_pool, max_pool])
    attention = layers.Conv2D(filters=1, kernel_size=kernel_size, strides=1, padding="same",
                              activation="sigmoid", kernel_initializer="he_normal",
                              use_bias=False)(concat)
    return layers.multiply([feature, attention])


inputs = layers.Input(shape=(32, 32, 3))
x = layers.Conv2D(64, 3, padding="same", activation="relu")(inputs)
x = channel_attention(x)
x = spatial_attention(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = Model(inputs=inputs, outputs=outputs)
model.summary()
