# model.build() with no shape: a Sequential model whose first layer is a functional model is built
# from that model's Input already, so build() leaves it as it is (keras-team/keras#19486's
# nested ResNet50V2, in small).
from tensorflow import keras

features = keras.Input((6,), name="features")
encoder = keras.Model(features, keras.layers.Dense(4, name="code")(features), name="encoder")
model = keras.Sequential([encoder, keras.layers.Dense(2, name="head")], name="stacked")
print(model.built, model.build())
model.summary()
print(model.output_shape, model.count_params())

