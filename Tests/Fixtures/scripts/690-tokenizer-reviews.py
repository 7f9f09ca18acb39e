"""Short product reviews turned into padded id sequences for a small LSTM classifier."""
import numpy as np
import tensorflow as tf
from tensorflow.keras.preprocessing.text import Tokenizer, text_to_word_sequence
from tensorflow.keras.preprocessing.sequence import pad_sequences
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Embedding, LSTM, Dense, Dropout

reviews = [
    "Great battery life, great screen!",
    "The screen cracked after a week.",
    "Battery died; the charger is GREAT though",
    "Would not buy again... the worst",
    "Great value for the price",
]
labels = np.array([1, 0, 1, 0, 1])

print(text_to_word_sequence(reviews[2]))
print(text_to_word_sequence("Tabs\tand-dashes", filters="-", lower=False))

VOCAB = 12
tokenizer = Tokenizer(num_words=VOCAB, oov_token="<unk>")
tokenizer.fit_on_texts(reviews)
print("documents:", tokenizer.document_count)
print(tokenizer.word_index)
print(tokenizer.word_counts)
print(len(tokenizer.word_index), tokenizer.index_word[3])

sequences = tokenizer.texts_to_sequences(reviews)
for review, seq in zip(reviews, sequences):
    print(f"{review[:20]:<20} -> {seq}")
print(tokenizer.texts_to_sequences(["a brand new screen, great battery"]))
print(tokenizer.sequences_to_texts(sequences[:2]))

MAXLEN = 6
padded = pad_sequences(sequences, maxlen=MAXLEN, padding="post", truncating="post")
print(padded)
print(padded.shape, padded.dtype)
print(tokenizer.sequences_to_texts(padded[:1]))

for mode in ["binary", "count", "freq", "tfidf"]:
    matrix = tokenizer.texts_to_matrix(reviews[:2], mode=mode)
    print(mode, matrix.shape, np.round(matrix[0, :6], 4))

chars = Tokenizer(char_level=True)
chars.fit_on_texts(["abba", "cab"])
print(chars.word_index, chars.texts_to_sequences(["bad"]))

vocab_size = len(tokenizer.word_index) + 1
model = Sequential([
    tf.keras.Input(shape=(MAXLEN,)),
    Embedding(vocab_size, 8),
    LSTM(16),
    Dropout(0.2),
    Dense(1, activation="sigmoid"),
])
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.summary()
print(model.predict(padded, verbose=0).shape)

try:
    Tokenizer(num_word=10)
except TypeError as err:
    print("TypeError:", err)
empty = Tokenizer()
try:
    empty.texts_to_matrix(["nothing fitted"])
except ValueError as err:
    print("ValueError:", err)
print(tokenizer.texts_to_matrix(reviews[:1], mode="average"))
