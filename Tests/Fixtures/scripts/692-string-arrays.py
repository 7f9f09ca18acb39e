"""Headlines kept in NumPy arrays of str: printed, indexed, vectorized and tokenized."""
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers
from tensorflow.keras.preprocessing.text import Tokenizer
from tensorflow.keras.preprocessing.sequence import pad_sequences

headlines = np.array([
    "Local team wins the championship",
    "Storm expected to hit the coast tonight",
    "New library opens downtown",
    "Scientists find water on a distant moon",
])
labels = np.array(["sports", "weather", "local", "science"])

print(labels)
print(repr(labels), labels.dtype, labels.shape, len(labels))
print(headlines)
print(repr(headlines))
print(headlines[0], repr(headlines[-1]), headlines[1:3])
for label in labels[:2]:
    print("label:", label)
grid = np.array([["a", "bb"], ["it's", 'say "ok"']])
print(grid)
print(repr(grid), grid.ndim, grid.size, grid.tolist())
print(grid[1], grid.dtype)

vectorizer = layers.TextVectorization(max_tokens=40, output_sequence_length=7)
vectorizer.adapt(headlines)
print(vectorizer.vocabulary_size())
print(vectorizer(headlines[:2]))
column = np.array([["storm on the moon"], ["team library"]])
print(column.shape, vectorizer(column))

tokenizer = Tokenizer(oov_token="?")
tokenizer.fit_on_texts(headlines)
print(list(tokenizer.word_index.items())[:8])
print(pad_sequences(tokenizer.texts_to_sequences(headlines), maxlen=5))
