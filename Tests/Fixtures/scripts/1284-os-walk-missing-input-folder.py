# A notebook's first cell that lists a competition's input folder, run where that folder is
# not there: os.walk then yields nothing.
import os

found = 0
for dirname, _, filenames in os.walk('/kaggle/input'):
    for filename in filenames:
        print(os.path.join(dirname, filename))
        found += 1
print("files:", found)
print(list(os.walk('no-such-folder-here')))
print(next(os.walk('/kaggle/input'), 'nothing'))
