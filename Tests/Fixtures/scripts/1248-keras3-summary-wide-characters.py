# Layer and model names that a terminal shows wider or narrower than one column per character:
# Keras 3 lays its summary out in terminal cells (hangul and kanji take two, a combining accent
# none, an emoji joined by U+200D counts once), wraps long names between words and cuts a word
# too long for its column with an ellipsis. tf-keras refuses such names as TensorFlow scopes.
from tensorflow import keras


def summarize(title, names, **options):
    try:
        stack = [keras.Input((3,))] + [keras.layers.Dense(2, name=name) for name in names]
        keras.Sequential(stack, name=title).summary(**options)
    except ValueError as error:
        print("ValueError:", str(error).splitlines()[0][:70])


summarize("분류기", ["은닉층", "출력층"])
summarize("long_word", ["畳み込み層_" * 5])
summarize("several_words", ["畳み込み 層 " * 6])
summarize("straddle", ["x" + "深層学習" * 10])
summarize("accents", ["re\u0301seau", "man\u0303ana_cafe\u0301"])
summarize("pictures", ["\U0001F431_cat", "\U0001F9D1\u200D\U0001F3EB", "\u2600\uFE0F_sun"])
summarize("名前" * 25, ["dense_out"])
summarize("narrow_table", ["卷积卷积卷积卷积卷积卷积卷积", "ab卷"], line_length=42)
summarize("odd_spaces", ["left\u00a0right\u3000wide " + "字" * 18])
summarize("wide_graph", ["図" * 40], line_length=120, positions=[0.2, 0.5, 1.0])
