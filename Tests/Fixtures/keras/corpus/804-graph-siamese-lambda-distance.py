# A siamese pair: one Sequential tower shared by both images, the Euclidean distance of the two
# embeddings in a Lambda, and a contrastive head; then the same pair with an absolute difference.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras import backend as K

tower = keras.Sequential([
    layers.Conv2D(16, 5, activation="relu", input_shape=(40, 40, 1)),
    layers.MaxPooling2D(),
    layers.Conv2D(32, 3, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(24),
], name="tower")


def euclidean(pair):
    a, b = pair
    squared = K.sum(K.square(a - b), axis=1, keepdims=True)
    return K.sqrt(K.maximum(squared, K.epsilon()))


left = keras.Input(shape=(40, 40, 1), name="left")
right = keras.Input(shape=(40, 40, 1), name="right")
ea = tower(left)
eb = tower(right)
dist = layers.Lambda(euclidean, name="distance")([ea, eb])
score = layers.Dense(1, activation="sigmoid", name="same")(dist)
siamese = keras.Model([left, right], score, name="siamese")
siamese.summary()
siamese.summary(expand_nested=True)
print(siamese.get_layer("distance").output_shape)

# %%
absdiff = layers.Lambda(lambda t: tf.abs(t[0] - t[1]), name="absdiff")([ea, eb])
head = layers.Dense(1, activation="sigmoid")(absdiff)
siamese_l1 = keras.Model(inputs=[left, right], outputs=head)
siamese_l1.summary()
print(len(siamese_l1.layers), siamese_l1.count_params())
