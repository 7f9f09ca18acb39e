# A script whose data files are not there fails as Python fails: open, np.load, load_img and
# flow_from_directory with FileNotFoundError, load_model with tf-keras' OSError or Keras 3's error
# for the file's kind. Each is caught to show its message; the last one ends the script.
import numpy as np
import tensorflow as tf
from tensorflow import keras


def attempt(read):
    try:
        read()
    except FileNotFoundError as error:
        print("FileNotFoundError:", error)
    except (OSError, ValueError) as error:
        print(type(error).__name__ + ":", error)


attempt(lambda: open("no_such_labels.txt").readlines())
attempt(lambda: open("no_such_folder/notes.txt", "rb"))
attempt(lambda: np.load("no_such_features.npy"))
attempt(lambda: np.load(file="no_such_archive.npz", allow_pickle=True))
attempt(lambda: keras.preprocessing.image.load_img("no such bird.jpg", target_size=(64, 64)))
attempt(lambda: keras.utils.load_img(path="no_such_cat.png"))
generator = keras.preprocessing.image.ImageDataGenerator(rescale=1 / 255.0)
attempt(lambda: generator.flow_from_directory("no_such_dataset/train", target_size=(64, 64)))
for path in ["no_such_model.h5", "no_such_weights.hdf5", "no_such_model.keras", "no_such_saved_model"]:
    attempt(lambda: keras.models.load_model(path))
model = tf.keras.models.load_model("no_such_checkpoint.h5", compile=False)
print(model.summary())
