"""Two statements on the opening line: the future statement comes second."""
import sys; from __future__ import print_function
print(sys.version_info[0])
