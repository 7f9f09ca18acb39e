# Nadam from a seed, by name and as an object with its own betas: the running product of its
# momentum factors and the float32 `1 - beta` decide the last digits of the losses.
import numpy as np
import keras

features = np.linspace(-1.0, 1.0, 24).reshape(12, 2).astype("float32")
targets = (features[:, :1] * 0.7 - features[:, 1:] * 0.2 + 0.1).astype("float32")

for optimizer in (
    "nadam",
    keras.optimizers.Nadam(learning_rate=0.05),
    keras.optimizers.Nadam(learning_rate=0.02, beta_1=0.8, beta_2=0.99, epsilon=1e-5),
):
    keras.utils.set_random_seed(5)
    model = keras.Sequential(
        [
            keras.Input(shape=(2,)),
            keras.layers.Dense(4, activation="sigmoid"),
            keras.layers.Dense(1),
        ]
    )
    model.compile(optimizer=optimizer, loss="mse", metrics=["mae"])
    history = model.fit(features, targets, epochs=6, batch_size=5, shuffle=False, verbose=0)
    print(type(model.optimizer).__name__, [round(v, 7) for v in history.history["loss"]])
    print(history.history["mae"][-1])
    print(model.predict(features[:4], verbose=0).ravel())
    print(model.evaluate(features, targets, verbose=0))
