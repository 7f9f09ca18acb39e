"""A review classifier that takes raw strings: the vectorizer is the first layer of the model."""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

reviews = [
    "A wonderful film with a great cast",
    "The plot was dull and the acting worse",
    "Great music, great story, great fun",
    "I walked out after an hour",
    "Not great, not terrible",
]

MAX_TOKENS = 30
SEQ_LEN = 8
vectorizer = layers.TextVectorization(
    max_tokens=MAX_TOKENS, output_mode="int", output_sequence_length=SEQ_LEN, name="vectorizer"
)
vectorizer.adapt(reviews)
vocab = vectorizer.get_vocabulary()
print(len(vocab), vocab[:6])
print(vectorizer(["what a great film", "dull"]))

text_input = keras.Input(shape=(1,), dtype=tf.string, name="review")
ids = vectorizer(text_input)
print(ids.shape, ids.dtype)
print(ids)
x = layers.Embedding(MAX_TOKENS, 8, name="embed")(ids)
x = layers.GlobalAveragePooling1D()(x)
x = layers.Dense(8, activation="relu")(x)
score = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(text_input, score, name="review_classifier")
model.summary()
print([layer.name for layer in model.layers])
print(model.count_params(), model.output_shape)

bag = layers.TextVectorization(output_mode="multi_hot", vocabulary=["good", "bad", "plot", "actor"])
bag_model = keras.Sequential(
    [keras.Input(shape=(), dtype="string"), bag, layers.Dense(4, activation="relu"), layers.Dense(1)],
    name="bag_of_words",
)
bag_model.summary()
print(bag(["good plot, bad actor", "nothing here"]))

counter = layers.TextVectorization(output_mode="count", vocabulary=["good", "bad"])
plain = keras.Input(shape=(), dtype="string")
counted = counter(plain)
print(counted.shape, counted.dtype)
print(keras.Model(plain, layers.Dense(2)(counted)).count_params())
