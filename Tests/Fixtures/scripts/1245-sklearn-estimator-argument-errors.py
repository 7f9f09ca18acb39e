# scikit-learn's preprocessing estimators take keyword-only settings, and their fitted attributes
# (the ones ending in an underscore) exist only after fit: Python's own errors otherwise.
from sklearn.preprocessing import LabelBinarizer, MinMaxScaler, OneHotEncoder, StandardScaler

attempts = {
    "scaler with a positional": lambda: StandardScaler(False),
    "encoder with a misspelled keyword": lambda: OneHotEncoder(sparse_outputs=False),
    "min-max with an unknown keyword": lambda: MinMaxScaler(range=(0, 1)),
    "binarizer with a positional": lambda: LabelBinarizer(0, 1),
    "classes before fit": lambda: LabelBinarizer().classes_,
    "mean before fit": lambda: StandardScaler().mean_,
    "data_min_ before fit": lambda: MinMaxScaler().data_min_,
    "categories before fit": lambda: OneHotEncoder().categories_,
}
for what, attempt in attempts.items():
    try:
        attempt()
        print(what, "passed")
    except (TypeError, AttributeError) as error:
        print(what, "->", type(error).__name__, error)
