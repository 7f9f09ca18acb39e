# Text classification with a convolution before the recurrent layer: Conv1D picks n-gram
# features, pooling shortens the sequence, a bidirectional LSTM reads it both ways.
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Embedding, Conv1D, MaxPooling1D, Bidirectional, LSTM, Dense, Dropout

model = Sequential()
model.add(Embedding(5000, 64, input_length=100))
model.add(Conv1D(64, 5, activation="relu"))
model.add(MaxPooling1D(pool_size=4))
model.add(Bidirectional(LSTM(32, unroll=True), merge_mode="concat"))
model.add(Dropout(0.5))
model.add(Dense(3, activation="softmax"))
model.summary()
print(model.layers[3].count_params())
