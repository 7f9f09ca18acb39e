# termcolor comes with TensorFlow; on a pipe its colored() is the plain text, unless forced.
import os

from tensorflow import keras
from termcolor import colored, cprint
import termcolor

model = keras.Sequential([keras.Input((5,)), keras.layers.Dense(2, name="out")], name="colors")
print(colored("Model:", "green", attrs=["bold"]), colored(model.name, "yellow"))
cprint(f"params: {model.count_params()}", "cyan", on_color="on_grey", end=" <-\n")
print(repr(colored("loud", "red", "on_white", ["bold", "underline"], force_color=True)))
print(repr(colored("rgb", (10, 200, 30), force_color=True)), repr(colored("bare", force_color=True)))
try:
    colored("oops", "purple", force_color=True)
except KeyError as error:
    print("KeyError:", error)
print(colored("oops", "purple"), termcolor.COLORS["light_blue"], len(termcolor.ATTRIBUTES))
os.environ["FORCE_COLOR"] = "1"
print(repr(colored("cached", "blue")), repr(colored("off", "blue", no_color=True)))
print(repr(colored("first time with these switches", "blue", force_color=False)))
