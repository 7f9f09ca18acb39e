# A package beside the script whose modules import one another with `from . import` and
# `from .module import`, then the script's star import of it (its __all__).
from s1171_net import *
import s1171_net.heads as heads_again

print(backbone.__name__, build.__name__, heads.__name__)
print(heads is heads_again, heads.USES_BACKBONE, heads.settings.DEFAULT_CLASSES)

model = build((28, 28, 1), 10)
model.summary()

from . import s1171_net
