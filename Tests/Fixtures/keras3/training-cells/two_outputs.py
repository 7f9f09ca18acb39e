import numpy as np
import keras
from keras import layers

n = np.arange(20 * 8).reshape(20, 8)
x = ((n * 7) - ((n * 7) // 11) * 11 - 5).astype("float32") / 5.0
label = (x[:, 0] > x[:, 1]).astype("int32") + (x[:, 2] > 0.5).astype("int32")
value = x[:, :1] * 0.5 - x[:, 3:4]
inputs = keras.Input(shape=(8,))
h = layers.Dense(6, activation="relu", kernel_initializer=keras.initializers.Constant(0.1))(inputs)
label_out = layers.Dense(3, activation="softmax", name="label", kernel_initializer=keras.initializers.Constant(-0.1))(h)
value_out = layers.Dense(1, name="value", kernel_initializer=keras.initializers.Constant(0.05))(layers.Concatenate()([h, inputs]))
model = keras.Model(inputs, [label_out, value_out], name="two_outputs")
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05, momentum=0.9),
              loss={"label": "sparse_categorical_crossentropy", "value": "mse"},
              loss_weights={"label": 1.0, "value": 0.5}, metrics={"label": ["accuracy"], "value": ["mae"]})
plateau = keras.callbacks.ReduceLROnPlateau(monitor="val_value_loss", mode="min", factor=0.5, patience=1, verbose=1)
history = model.fit(x, {"label": label, "value": value}, epochs=3, batch_size=8, validation_split=0.2, shuffle=False, verbose=2, callbacks=[plateau])
print(list(history.history))
print(model.evaluate(x, {"label": label, "value": value}, verbose=0))
