#!/usr/bin/env bash
# The Python package's tests: builds the wheel (the native library included) into a fresh virtual environment that
# sees the system's NumPy, pytest and torch (Debian: python3-venv python3-numpy python3-pytest python3-torch
# python3-pandas), installs it as README.md's "python-install" block does, and runs python/tests with pytest.
# Extra arguments go to pytest (e.g. --junitxml=FILE, -k NAME).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
python="${PYTHON:-/usr/bin/python3}"
venv="$here/.venv"

for module in venv numpy pytest; do
  if ! "$python" -c "import $module" 2>/dev/null; then
    echo "python/test.sh: $python has no $module (Debian: apt-get install python3-venv python3-numpy python3-pytest python3-torch python3-pandas)" >&2
    exit 2
  fi
done

rm -rf "$venv"
"$python" -m venv --system-site-packages "$venv"
# The README's python-install block, run from the repository root inside the environment.
block="$("$python" - "$repo/README.md" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
blocks = re.findall(r"```sh\n# python-install\n(.*?)```", text, re.S)
if len(blocks) != 1:
    sys.exit("README.md has no single ```sh block starting with '# python-install'")
print(blocks[0])
PY
)"
(cd "$repo" && source "$venv/bin/activate" && bash -euo pipefail -c "$block")
cd "$here/tests"
# Run from the tests folder, so that `import codec` is the installed package, not the source folder.
"$venv/bin/python" -m pytest -q -p no:cacheprovider "$@"
