from tensorflow import keras
from tensorflow.keras import backend as K

base = keras.applications.MobileNetV2(input_shape=(64, 64, 3), include_top=False, weights=None)
base.trainable = False
for layer in base.layers[-4:]:
    print(f"{layer.name:<16} {str(layer.output.shape):<20} {layer.count_params():>7}")
inputs = keras.Input(shape=(64, 64, 3))
x = base(inputs, training=False)
x = keras.layers.GlobalAveragePooling2D()(x)
outputs = keras.layers.Dense(5)(x)
model = keras.Model(inputs, outputs)
trainable = sum(int(K.count_params(w)) for w in model.trainable_weights)
frozen = sum(int(K.count_params(w)) for w in model.non_trainable_weights)
print("trainable:", trainable, "frozen:", frozen, "weights:", len(model.weights))
print(base.output.shape, base.input.shape, model.layers[1].output.shape)
print(model.layers[1] is base, model.get_layer(base.name).get_layer("Conv_1").output.shape)
