# The last Dense layer was made but never called: the model is given the layer itself as its
# output. Keras 3 names the layer it got (tf-keras shows its memory address, which ConvBook
# does not print: see the corpus for that case).
import keras
from keras import layers

inputs = keras.Input(shape=(5,))
hidden = layers.Dense(4, activation="relu")(inputs)
head = layers.Dense(2, activation="softmax")
print("hidden:", hidden.shape)
if keras.__version__.startswith("3"):
    for outputs in ([hidden, head], head, (head,)):
        try:
            keras.Model(inputs=inputs, outputs=outputs)
        except ValueError as error:
            print(error)
    try:
        keras.Model(inputs=[inputs, layers.Dense(3)], outputs=hidden)
    except ValueError as error:
        print(error)
