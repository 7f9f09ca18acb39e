# A Sequential model without an Input, built by predicting on data before anything else: Keras 3's
# predict builds it on the data's whole shape (batch size included, as a call does), tf-keras'
# predict for any batch; predict_on_batch keeps the batch size in both.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

images = np.zeros((3, 6, 6, 1), dtype="float32")
for method in ["predict", "predict_on_batch", "fit"]:
    net = keras.Sequential([layers.Conv2D(2, 3), layers.Flatten(), layers.Dense(4)])
    net.compile(loss="mse", optimizer="sgd")
    if method == "predict":
        net.predict(images, verbose=0)
    elif method == "predict_on_batch":
        net.predict_on_batch(images)
    else:
        net.fit(images, np.zeros((3, 4), dtype="float32"), verbose=0)
    print(method, net.input_shape, net.output_shape)
    net.summary()
