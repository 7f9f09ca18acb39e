# An input declared with a batch size but no shape: each Keras names what is missing.
from tensorflow import keras

attempts = {
    "batch size as a tuple": dict(batch_size=(None, 16), name="tokens"),
    "only a name": dict(name="pixels"),
}
for label, settings in attempts.items():
    try:
        keras.Input(**settings)
    except ValueError as error:
        print(f"{label}: {error}")

features = keras.Input(shape=(16,), batch_size=4, name="features")
print(features.shape)
