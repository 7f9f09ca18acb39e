# Optimizers as configs: what get_config() shows, serialize/deserialize/get, and from_config.
import numpy as np
from tensorflow import keras

adam = keras.optimizers.Adam(learning_rate=3e-4, beta_1=0.85)
print(adam.get_config())
print(keras.optimizers.serialize(adam))
for make in (keras.optimizers.SGD, keras.optimizers.RMSprop, keras.optimizers.Adagrad,
             keras.optimizers.Adamax, keras.optimizers.Nadam, keras.optimizers.AdamW):
    config = make().get_config()
    print(config["name"], config["learning_rate"], sorted(config)[-3:])

momentum = keras.optimizers.SGD(0.05, momentum=0.9, nesterov=True)
twin = keras.optimizers.SGD.from_config(momentum.get_config())
print(type(twin).__name__, twin.get_config()["momentum"], twin.get_config()["nesterov"])

fresh = keras.optimizers.get("rmsprop")
print(type(fresh).__name__, fresh.get_config()["rho"])
restored = keras.optimizers.deserialize({"class_name": "Adam", "config": {"learning_rate": 0.02}})
print(type(restored).__name__)
back = keras.optimizers.deserialize(keras.optimizers.serialize(adam))
print(type(back).__name__, back.get_config()["beta_1"], back.get_config()["learning_rate"])
from_dict = keras.optimizers.get({"class_name": "SGD", "config": {"learning_rate": 0.5, "momentum": 0.5}})
print(type(from_dict).__name__)

model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)])
model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.01, rho=0.8), loss="mse")
model.fit(np.ones((8, 4)), np.zeros((8, 2)), epochs=1, verbose=0)
settings = model.optimizer.get_config()
print({key: settings[key] for key in ("learning_rate", "rho", "momentum", "centered")})
