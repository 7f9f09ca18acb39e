# One-shot learning (Koch et al. style): twin towers, L1 distance with tf.abs in a Lambda.
import tensorflow as tf
from tensorflow.keras import Input, Model, Sequential
from tensorflow.keras.layers import Conv2D, MaxPooling2D, Flatten, Dense, Lambda


def twin(input_shape):
    return Sequential([
        Conv2D(8, (5, 5), activation="relu", input_shape=input_shape),
        MaxPooling2D(),
        Conv2D(16, (3, 3), activation="relu"),
        Flatten(),
        Dense(64, activation="sigmoid"),
    ], name="twin")


shape = (32, 32, 1)
net = twin(shape)
a = Input(shape)
b = Input(shape)
encoded_a, encoded_b = net(a), net(b)
l1 = Lambda(lambda tensors: tf.abs(tensors[0] - tensors[1]), name="l1_distance")([encoded_a, encoded_b])
prediction = Dense(1, activation="sigmoid")(l1)
model = Model(inputs=[a, b], outputs=prediction)
model.summary()
for layer in model.layers:
    print(layer.name, type(layer).__name__, layer.output_shape)
