# Sourced by the scripts: puts the pinned tools first on PATH.
KERZE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="${KERZE_ROOT}/e2e/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:${PATH}"
export TRUNK_OFFLINE=true
export TRUNK_SKIP_VERSION_CHECK=true
