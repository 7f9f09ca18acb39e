# decode_predictions checks that it got a batch of 1000 ImageNet scores before it downloads the
# class index: anything else is a ValueError naming the shape (tf-keras says "Found", Keras 3
# "Received"), for NumPy arrays and tensors alike.
import numpy as np
import tensorflow as tf
from tensorflow.keras.applications import imagenet_utils, mobilenet_v2, resnet50

for decode, scores in (
    (resnet50.decode_predictions, np.zeros((4, 10))),
    (mobilenet_v2.decode_predictions, np.ones(1000)),
    (imagenet_utils.decode_predictions, tf.zeros((1, 999))),
    (resnet50.decode_predictions, np.zeros((2, 1000, 1), dtype="float32")),
):
    try:
        decode(scores, top=3)
    except ValueError as error:
        print(error)
