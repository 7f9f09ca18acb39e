# Scikit-learn's scalers: transforming before fit is NotFittedError; fit returns the scaler and
# inverse_transform undoes transform (the last digit of a min-max range shows float64 rounding).
import numpy as np
from sklearn.preprocessing import MinMaxScaler, StandardScaler

readings = np.array([[2.0, 10.0], [4.0, 25.0], [9.0, 40.0]])
for kind in (StandardScaler, MinMaxScaler):
    scaler = kind()
    try:
        scaler.transform(readings)
    except Exception as problem:
        print(type(problem).__name__, problem)
    print(scaler.fit(readings) is scaler)
    scaled = scaler.fit_transform(readings)
    print(scaled.round(6).tolist())
    print(scaler.inverse_transform(scaled).tolist())
