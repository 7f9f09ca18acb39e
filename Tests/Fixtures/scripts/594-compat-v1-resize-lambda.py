# TensorFlow 1's bilinear resize in Lambda layers, as DeepLab-style ASPP poolings and
# segmentation decoders upsample: align_corners=True and False, resize_bilinear, sizes
# taken from another tensor's static shape, and a model trained through one of them.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras import backend as K

image = keras.Input((5, 6, 3), name="image")
features = layers.Conv2D(4, 3, strides=2, padding="same", kernel_initializer="glorot_uniform", name="features")(image)
target = K.int_shape(image)[1:3]
up_corners = layers.Lambda(
    lambda t: tf.compat.v1.image.resize(t, target, method="bilinear", align_corners=True),
    name="up_corners")(features)
up_legacy = layers.Lambda(lambda t: tf.compat.v1.image.resize(t, (7, 4)), name="up_legacy")(features)
up_bilinear = layers.Lambda(
    lambda t: tf.compat.v1.image.resize_bilinear(t, [9, 9], align_corners=True),
    name="up_bilinear")(features)
pooled = layers.GlobalAveragePooling2D()(up_corners)
model = keras.Model(image, [up_corners, up_legacy, up_bilinear, pooled])
model.summary()
for tensor in model.outputs:
    print(tensor.shape)
keras.utils.set_random_seed(3)
model.get_layer("features").set_weights(
    [np.cos(np.arange(108, dtype="float32")).reshape(3, 3, 3, 4) / 4.0, np.zeros(4, "float32")])
x = np.sin(np.arange(90, dtype="float32")).reshape(1, 5, 6, 3)
corners, legacy, bilinear, _ = model.predict(x, verbose=0)
print(np.round(corners[0, :, :, 0], 4))
print(np.round(legacy[0, :, :, 1], 4))
print(np.round(bilinear[0, :3, :, 2], 4))
head = keras.Model(image, layers.Dense(1, kernel_initializer="ones")(pooled))
head.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse")
history = head.fit(np.concatenate([x, -x]), np.array([[1.0], [-1.0]]), epochs=3, batch_size=2, verbose=0)
print([round(v, 4) for v in history.history["loss"]])
print(np.round(head.get_layer("features").get_weights()[0][0, 0], 4))
