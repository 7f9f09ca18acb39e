# An old regression tutorial's import of the Boston housing data, which scikit-learn removed.
try:
    from sklearn.datasets import load_boston
except ImportError as error:
    print(type(error).__name__, str(error).splitlines()[1])
import sklearn.datasets
try:
    sklearn.datasets.load_boston
except ImportError as error:
    print(len(str(error).splitlines()))
from sklearn.datasets import load_iris, load_boston
