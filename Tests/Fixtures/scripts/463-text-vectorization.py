import tensorflow as tf
from tensorflow import keras

lines = [
    "The cat sat on the mat.",
    "The dog ate my homework!",
    "A cat, a dog, and THE bird...",
    "Dog days are over",
]
vectorizer = keras.layers.TextVectorization()
vectorizer.adapt(lines)
vocabulary = vectorizer.get_vocabulary()
print(vocabulary)
print(len(vocabulary), vectorizer.vocabulary_size())
print(vectorizer("the cat ate a zebra"))
print(vectorizer(lines[:2]))
print(vectorizer(["dog", "the bird sat there"]).numpy())

short = keras.layers.TextVectorization(max_tokens=6, output_sequence_length=4)
short.adapt(lines)
print(short.get_vocabulary())
print(short(["the cat sat on the mat", "zebra"]).numpy())
print(short.get_vocabulary(include_special_tokens=False))

plain = keras.layers.TextVectorization(standardize=None, split="whitespace")
plain.adapt(["b a", "B a c", "a"])
print(plain.get_vocabulary())

lowered = keras.layers.TextVectorization(standardize="lower")
lowered.adapt(["Hi, there. hi!"])
print(lowered.get_vocabulary())

hot = keras.layers.TextVectorization(output_mode="multi_hot")
hot.adapt(lines)
print(hot(["the dog", "cat cat zebra"]).numpy())
counts = keras.layers.TextVectorization(output_mode="count", vocabulary=["cat", "dog"])
print(counts(["cat dog cat", "bird"]).numpy())
print(counts.get_vocabulary())

chars = keras.layers.TextVectorization(split="character", standardize="lower")
chars.adapt(["abca", "Bd"])
print(chars.get_vocabulary())
print(chars("dab").numpy())
