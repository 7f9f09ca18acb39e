# Univariate time series forecasting with a 1D CNN (machine learning mastery style).
from numpy import array
from keras.models import Sequential
from keras.layers import Dense, Flatten, Conv1D, MaxPooling1D

n_steps = 3
n_features = 1

model = Sequential()
model.add(Conv1D(filters=64, kernel_size=2, activation='relu', input_shape=(n_steps, n_features)))
model.add(MaxPooling1D(pool_size=2))
model.add(Flatten())
model.add(Dense(50, activation='relu'))
model.add(Dense(1))
model.compile(optimizer='adam', loss='mse')
model.summary()

# %%
n_steps, n_features = 10, 3
multi = Sequential()
multi.add(Conv1D(64, 3, activation='relu', input_shape=(n_steps, n_features)))
multi.add(Conv1D(64, 3, activation='relu'))
multi.add(MaxPooling1D(2))
multi.add(Flatten())
multi.add(Dense(100, activation='relu'))
multi.add(Dense(n_features))
multi.summary()
