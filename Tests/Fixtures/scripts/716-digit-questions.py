# Generated addition questions for a sequence-to-sequence model (digits drawn as strings).
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

np.random.seed(42)
DIGITS = 3
MAXLEN = DIGITS + 1 + DIGITS
chars = "0123456789+ "
char_index = {c: i for i, c in enumerate(sorted(set(chars)))}


def number():
    return int(
        "".join(
            np.random.choice(list("0123456789"))
            for _ in range(np.random.randint(1, DIGITS + 1))
        )
    )


questions, answers, seen = [], [], set()
while len(questions) < 20:
    a, b = number(), number()
    key = tuple(sorted((a, b)))
    if key in seen:
        continue
    seen.add(key)
    question = f"{a}+{b}"
    questions.append(question + " " * (MAXLEN - len(question)))
    answers.append(str(a + b).ljust(DIGITS + 1))
print(questions[:5])
print(answers[:5])
letter = np.random.choice(list("abc"))
print(repr(letter), letter, letter.upper(), letter + "!", isinstance(letter, str), letter == "a")
print(letter in "abc", {letter: 1}, sorted([letter, "b"]), len(letter), "-".join([letter, "z"]))
picked = np.random.choice(list("0123456789"), size=4)
print(picked, repr(picked), picked.shape, " ".join(picked))
print(repr(np.random.choice(["red", "green", "blue"], 2, p=[0.5, 0.25, 0.25])))
print(int(np.random.choice(list("123"))) * 2, float(np.random.choice(list("9"))))

x = np.zeros((len(questions), MAXLEN, len(char_index)), dtype="float32")
for i, question in enumerate(questions):
    for t, c in enumerate(question):
        x[i, t, char_index[c]] = 1
print(x.shape, x.sum())

model = keras.Sequential(
    [
        keras.Input(shape=(MAXLEN, len(char_index))),
        layers.LSTM(16),
        layers.RepeatVector(DIGITS + 1),
        layers.LSTM(16, return_sequences=True),
        layers.Dense(len(char_index), activation="softmax"),
    ]
)
model.summary()
