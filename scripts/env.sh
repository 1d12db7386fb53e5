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

# The release build of the page compiles the standard library together with
# Kerze, optimised for size like the rest and with the library's smaller
# variants of its algorithms (sorts, formatting), and stops at once on a panic
# instead of formatting a message nobody reads (the start-up script shows the
# crash banner): about 27 KB less to download. These are options the pinned
# stable toolchain keeps behind RUSTC_BOOTSTRAP; scripts/setup adds the
# library's sources (rust-src). Only for the wasm release build: call before trunk.
kerze_release_env() {
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS} -Zunstable-options -Cpanic=immediate-abort"
}
