from tensorflow import keras
from tensorflow.keras import layers

from tensorflow.keras import backend as K
skip = keras.Input(shape=(8, 8, 6))
low = keras.Input(shape=(4, 4, 10))
theta = layers.Conv2D(4, 2, strides=2, padding="same")(skip)
phi = layers.Conv2DTranspose(4, 3, strides=1, padding="same")(layers.Conv2D(4, 1)(low))
psi = layers.Activation("sigmoid")(layers.Conv2D(1, 1)(layers.Activation("relu")(layers.add([phi, theta]))))
gate = layers.UpSampling2D(size=(2, 2))(psi)
gate = layers.Lambda(lambda x, repnum: K.repeat_elements(x, repnum, axis=3), arguments={"repnum": 6})(gate)
pairs = layers.Lambda(lambda x: K.repeat_elements(x, 2, axis=1))(low)
model = keras.Model([skip, low], [layers.multiply([gate, skip]), pairs])
