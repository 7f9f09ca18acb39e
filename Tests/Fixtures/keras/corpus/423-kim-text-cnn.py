# Kim (2014) sentence classification CNN: several kernel sizes over one embedding, max-pooled and joined.
from tensorflow import keras
from tensorflow.keras import layers

max_len = 100
vocab_size = 5000
embedding_dim = 64
filter_sizes = [3, 4, 5]

inputs = keras.Input(shape=(max_len,), dtype="int32")
embedded = layers.Embedding(vocab_size, embedding_dim)(inputs)
pooled = []
for size in filter_sizes:
    conv = layers.Conv1D(100, size, activation="relu", name="conv_%d" % size)(embedded)
    pooled.append(layers.GlobalMaxPooling1D(name="pool_%d" % size)(conv))
merged = layers.concatenate(pooled, axis=-1)
merged = layers.Dropout(0.5)(merged)
outputs = layers.Dense(2, activation="softmax")(merged)
model = keras.Model(inputs, outputs)
model.summary()
