# Saving a figure checks the file name before writing anything: the format comes from the
# extension, and the folder has to be there already.
import matplotlib.pyplot as plt

plt.plot([0.9, 0.5, 0.3], label="loss")
for target in ["curves.bmp", "plots_not_made_yet/curves.png", "reports/run.1/loss.JPG2"]:
    try:
        plt.savefig(target)
    except (ValueError, FileNotFoundError) as error:
        print(type(error).__name__, error)
fig, ax = plt.subplots()
try:
    fig.savefig("figures/history.png", dpi=150)
except FileNotFoundError as error:
    print("figure:", error)
