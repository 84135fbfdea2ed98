#!/bin/sh
# Print the newest Python 3.12+ interpreter on this machine, or explain what to install and fail.
# Python 3.11 is refused: its garbage collector can run inside an attribute store and free an object's
# attribute values twice (fixed in 3.12 by CPython gh-97922); see docs/operations.md.
ok() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; }
for name in python3.14 python3.13 python3.12 python3; do
  if command -v "$name" >/dev/null 2>&1 && ok "$name"; then command -v "$name"; exit 0; fi
done
# pyenv and uv keep interpreters that are not on PATH until selected.
for dir in "${PYENV_ROOT:-$HOME/.pyenv}/versions" "$HOME/.local/share/uv/python"; do
  for candidate in $(ls -d "$dir"/*3.1[2-9]* 2>/dev/null | sort -rV); do
    if [ -x "$candidate/bin/python3" ] && ok "$candidate/bin/python3"; then echo "$candidate/bin/python3"; exit 0; fi
  done
done
cat >&2 <<'MSG'
error: the job-dating scheduler needs Python 3.12 or newer, and none was found.
  Python 3.11 crashes the server under load (a CPython 3.11 garbage-collector defect, see docs/operations.md).
  Install one, for example:  apt-get install python3.12 python3.12-venv   (Debian 13 / Ubuntu 24.04)
                             pyenv install 3.13   or   uv python install 3.13
  or name it explicitly:     make run PYTHON=/path/to/python3.13
MSG
exit 1
