# Callbacks bind their arguments when they are made, as any Python class does, so a keyword
# that one Keras dropped fails on the line that makes the callback.
import keras
from keras import callbacks

def make(label, factory):
    try:
        factory()
        print(label, "made")
    except (TypeError, ValueError) as error:
        print(label, "->", type(error).__name__, error)

make("stop", lambda: callbacks.EarlyStopping(monitor="loss", patience=3))
make("stop, bad keyword", lambda: callbacks.EarlyStopping(monitr="loss"))
make("stop, twice", lambda: callbacks.EarlyStopping("loss", monitor="val_loss"))
make("stop, too many", lambda: callbacks.EarlyStopping("loss", 0, 2, 1, "auto", None, True, 0, 9))
make("board, old keyword", lambda: callbacks.TensorBoard(log_dir="./logs", write_grads=True))
make("board", lambda: callbacks.TensorBoard(log_dir="./logs", histogram_freq=1))
make("checkpoint, old period", lambda: callbacks.ModelCheckpoint("best.weights.h5", period=2))
make("checkpoint, no path", lambda: callbacks.ModelCheckpoint(monitor="val_loss"))
make("plateau, old epsilon", lambda: callbacks.ReduceLROnPlateau(factor=0.5, epsilon=1e-3))
make("csv, too many", lambda: callbacks.CSVLogger("log.csv", ";", False, True))
make("history, one", lambda: callbacks.History(1))
make("nan", lambda: callbacks.TerminateOnNaN())
print("done")
