#!/bin/sh
# Keras 3's summary on a terminal: runs a small model (model.py), a graph with Connected to
# (graph.py, written as graph-NAME.txt) and a keras-io style graph with show_trainable, a table
# wider than the console (line_length=100) and expand_nested (kerasio.py, kerasio-NAME.txt) under
# script(1) (a pty) with several TERM /
# NO_COLOR / COLUMNS settings and writes what Keras 3 printed (ANSI codes included, the pty's \r
# removed) to Tests/Fixtures/keras3/terminal/NAME.txt. See README.md.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/Tests/Fixtures/keras3/terminal"
python=${PYTHON:-$HOME/keras-ref/bin/python}
mkdir -p "$out"
record() { # NAME ENV...
  name=$1; shift
  for script in model graph kerasio; do
    prefix=""
    [ "$script" != model ] && prefix="$script-"
    env -u TF_USE_LEGACY_KERAS -u FORCE_COLOR -u NO_COLOR "$@" TF_CPP_MIN_LOG_LEVEL=3 \
      script -q -c "$python $out/$script.py 2>/dev/null" /dev/null \
      | tr -d '\r' > "$out/$prefix$name.txt"
  done
}
record xterm-256color-80 TERM=xterm-256color COLUMNS=80
record xterm-120 TERM=xterm COLUMNS=120
record no-color-80 TERM=xterm-256color NO_COLOR=1 COLUMNS=80
record dumb-80 TERM=dumb COLUMNS=80
record xterm-256color-60 TERM=xterm-256color COLUMNS=60
