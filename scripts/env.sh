# Sourced by the scripts: puts the pinned tools first on PATH.
KERZE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="${KERZE_ROOT}/e2e/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:${PATH}"
export TRUNK_OFFLINE=true
export TRUNK_SKIP_VERSION_CHECK=true
# The wasm carries the source paths of its panic messages: make them short and
# free of where this checkout, the toolchain and the crate sources happen to live.
_kerze_remap="--remap-path-prefix=${KERZE_ROOT}=kerze"
if _kerze_sysroot="$(rustc --print sysroot 2>/dev/null)"; then
  _kerze_remap="${_kerze_remap} --remap-path-prefix=${_kerze_sysroot}=rust"
fi
# The last matching prefix wins: each unpacked registry folder, else their parent.
_kerze_remap="${_kerze_remap} --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}/registry/src=crates"
for _kerze_src in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*; do
  [ -d "${_kerze_src}" ] && _kerze_remap="${_kerze_remap} --remap-path-prefix=${_kerze_src}=crates"
done
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${_kerze_remap}"
unset _kerze_remap _kerze_sysroot _kerze_src

