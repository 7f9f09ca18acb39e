# Translation-tutorial preprocessing: strip accents by decomposing the text (NFD) and dropping the
# nonspacing marks (category 'Mn'), then index the words and pad them for a model. NFD adds code
# points (len grows), NFC and NFKC recombine; a str of two characters is no "unicode character".
import re
import unicodedata

from tensorflow import keras


def sin_acentos(texto):
    return "".join(c for c in unicodedata.normalize("NFD", texto) if unicodedata.category(c) != "Mn")


frases = ["¿Dónde está la estación?", "Él comió piña y jalapeño.", "Ça coûte combien ?"]
limpias = []
for frase in frases:
    nfd = unicodedata.normalize("NFD", frase)
    base = sin_acentos(frase.lower().strip())
    base = re.sub(r"([?.!,¿])", r" \1 ", base)
    base = re.sub(r"\s+", " ", base).strip()
    limpias.append("<start> " + base + " <end>")
    print(len(frase), len(nfd), unicodedata.is_normalized("NFC", frase), repr(limpias[-1]))

print([unicodedata.category(c) for c in "a1 ,\u0301Ω"], unicodedata.combining("\u0327"))
print(unicodedata.normalize("NFKC", "ﬀ ½ ²"), unicodedata.normalize("NFC", "n\u0303") == "ñ")
for bad in [("NFZ", "x"), ("NFD", 5)]:
    try:
        unicodedata.normalize(*bad)
    except (ValueError, TypeError) as error:
        print(type(error).__name__, error)
try:
    unicodedata.category("ab")
except TypeError as error:
    print(error)

vocabulario = {}
for linea in limpias:
    for palabra in linea.split():
        vocabulario.setdefault(palabra, len(vocabulario) + 1)
secuencias = [[vocabulario[p] for p in linea.split()] for linea in limpias]
print(keras.utils.pad_sequences(secuencias, maxlen=9, padding="post"))
