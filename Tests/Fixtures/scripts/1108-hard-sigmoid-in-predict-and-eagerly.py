# Keras 3's hard_sigmoid is relu6(x + 3) / 6: called on data it divides by 6, but inside predict's
# tf.function TensorFlow's graph optimizer multiplies by float32(1 / 6) instead, which can differ
# in the last digit. tf-keras' hard_sigmoid is 0.2 * x + 0.5 either way.
import numpy as np
from tensorflow import keras

x = np.linspace(-3.5, 3.5, 29, dtype="float32").reshape(1, 29)
for name in ("hard_sigmoid", "hard_swish"):
    try:
        layer = keras.layers.Activation(name)
    except ValueError as error:
        print(name, "ValueError:", error)
        continue
    model = keras.Sequential([keras.Input((29,)), layer])
    predicted = model.predict(x, verbose=0)[0]
    eager = np.asarray(layer(x))[0]
    print(name, "predict:", predicted.tolist())
    print(name, "eager:  ", eager.tolist())
    print(name, "differ at", [i for i in range(29) if predicted[i] != eager[i]])
