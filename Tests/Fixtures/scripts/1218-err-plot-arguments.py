# Mistakes in plotting calls: matplotlib checks its arguments before drawing anything.
import matplotlib.pyplot as plt


def attempt(label, call):
    try:
        call()
        print(label, "ok")
    except Exception as error:
        print(label, type(error).__name__, error)


attempt("mismatch", lambda: plt.plot([1, 2, 3], [1, 2]))
attempt("fmt mismatch", lambda: plt.plot([1, 2, 3], [1, 2], "r-"))
attempt("title", lambda: plt.title())
attempt("title loc", lambda: plt.title("a", None, "middle"))
attempt("title kw loc", lambda: plt.title("a", loc="centre"))
attempt("xlabel", lambda: plt.xlabel())
attempt("ylabel", lambda: plt.ylabel())
attempt("subplot 5", lambda: plt.subplot(2, 2, 5))
attempt("subplot 0", lambda: plt.subplot(2, 2, 0))
attempt("subplot 213", lambda: plt.subplot(213))
attempt("subplot two", lambda: plt.subplot(1, 2))
attempt("axis", lambda: plt.axis("of"))
attempt("show", lambda: plt.show(True))
attempt("savefig", lambda: plt.savefig())
attempt("scatter", lambda: plt.scatter())
attempt("scatter one", lambda: plt.scatter([1]))
attempt("imshow", lambda: plt.imshow())
attempt("close", lambda: plt.close(None, 1))
attempt("tight", lambda: plt.tight_layout(1))
fig, ax = plt.subplots()
attempt("set_title", lambda: ax.set_title())
attempt("ax axis", lambda: ax.axis("sideways"))
attempt("suptitle", lambda: fig.suptitle())
attempt("grid", lambda: ax.grid(True, "major", "both", 1))
