# scikit-learn's scores of predictions, as scripts print them after predict: accuracy, squared
# and absolute error, R^2, on lists and on arrays.
import numpy as np
from sklearn.metrics import accuracy_score, mean_squared_error, mean_absolute_error, r2_score
from sklearn import metrics

labels = [0, 2, 1, 1, 0, 2, 2]
guesses = np.array([0, 1, 1, 1, 0, 2, 0])
print(accuracy_score(labels, guesses), type(accuracy_score(labels, guesses)).__name__)
print(accuracy_score(labels, guesses, normalize=False))
print(metrics.accuracy_score(np.array([1.0, 0.0]), np.array([1.0, 1.0])))
print(accuracy_score(["cat", "dog", "cat"], ["cat", "cat", "cat"]))

truth = np.array([3.0, -0.5, 2.0, 7.0, 4.25])
estimate = np.array([2.5, 0.0, 2.0, 8.0, 4.0], dtype=np.float32)
print(mean_squared_error(truth, estimate), mean_absolute_error(truth, estimate))
print(r2_score(truth, estimate), type(r2_score(truth, estimate)).__name__)
print(np.sqrt(mean_squared_error(truth, estimate)))
columns = np.array([[0.5, 1.0], [-1.0, 1.0], [7.0, -6.0]])
guessed = np.array([[0.0, 2.0], [-1.0, 2.0], [8.0, -5.0]])
print(mean_squared_error(columns, guessed), mean_absolute_error(columns, guessed))
print(r2_score(columns, guessed))
print(mean_squared_error([1, 2, 3], [1, 2, 5]), r2_score([1, 2, 3], [1, 2, 5]))
print(mean_squared_error(truth.reshape(-1, 1), estimate.reshape(-1, 1)))
print("%.4f" % mean_absolute_error(truth, estimate))

try:
    accuracy_score([1, 0, 1], [1, 0])
except ValueError as error:
    print("ValueError:", error)
try:
    mean_squared_error([1.0, 2.0], [1.0, 2.0, 3.0])
except ValueError as error:
    print("ValueError:", error)
try:
    accuracy_score([0, 1, 1], [0.2, 0.7, 0.9])
except ValueError as error:
    print("ValueError:", error)
