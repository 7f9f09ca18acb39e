# Attention U-Net gate: gating signal and skip connection combined into a one-channel attention map.
from tensorflow.keras import layers, models


def conv_block(x, filters):
    x = layers.Conv2D(filters, 3, padding="same")(x)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    x = layers.Conv2D(filters, 3, padding="same")(x)
    x = layers.BatchNormalization()(x)
    return layers.Activation("relu")(x)


def attention_gate(skip, gating, inter_channels):
    theta_x = layers.Conv2D(inter_channels, 2, strides=2, padding="same")(skip)
    phi_g = layers.Conv2D(inter_channels, 1, padding="same")(gating)
    add = layers.add([theta_x, phi_g])
    act = layers.Activation("relu")(add)
    psi = layers.Conv2D(1, 1, padding="same")(act)
    sigmoid = layers.Activation("sigmoid")(psi)
    upsampled = layers.UpSampling2D(size=(2, 2))(sigmoid)
    return layers.multiply([upsampled, skip])


inputs = layers.Input((64, 64, 1))
c1 = conv_block(inputs, 16)
p1 = layers.MaxPooling2D()(c1)
c2 = conv_block(p1, 32)
p2 = layers.MaxPooling2D()(c2)
bottom = conv_block(p2, 64)
a2 = attention_gate(c2, bottom, 32)
u2 = layers.Conv2DTranspose(32, 2, strides=2, padding="same")(bottom)
c3 = conv_block(layers.concatenate([u2, a2]), 32)
a1 = attention_gate(c1, c3, 16)
u1 = layers.Conv2DTranspose(16, 2, strides=2, padding="same")(c3)
c4 = conv_block(layers.concatenate([u1, a1]), 16)
outputs = layers.Conv2D(1, 1, activation="sigmoid")(c4)
model = models.Model(inputs=[inputs], outputs=[outputs], name="attention_unet")
model.summary()
