#!/usr/bin/env bash
# Installs what the real-editor tests need, idempotently (fast when already done):
#   - Debian packages: chromium (the browser Playwright drives), libkrb5-dev (kerberos
#     native build inside code-server), ripgrep (its rg replaces @vscode/ripgrep's download);
#   - code-server 4.100.3 (VS Code 1.100.3, last release for Node 20) into its own npm
#     folder under ${PRODUCT_SPEC_E2E_CACHE:-$HOME/.cache/product-spec-e2e}/code-server,
#     outside the project's dependency tree.
# See /work/main/scripts/e2e/README.md.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
RIPGREP_PKG_VERSION=1.15.11                 # @vscode/ripgrep version code-server 4.100.3 pulls in
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
APT_PACKAGES=(chromium libkrb5-dev ripgrep)

CACHE="$(realpath -m "${PRODUCT_SPEC_E2E_CACHE:-$HOME/.cache/product-spec-e2e}")"
CS_DIR="$CACHE/code-server"
MARKER="$CS_DIR/.installed-$CODE_SERVER_VERSION"

T0=$(date +%s.%N)
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }
step() { printf '[e2e-setup] %-34s %s\n' "$1" "$2"; }
die() { printf '[e2e-setup] ERROR: %s\n' "$*" >&2; exit 1; }

mkdir -p "$CACHE"
# One setup at a time (two parallel npm installs into one folder would corrupt it).
exec 9>"$CACHE/.setup.lock"
flock 9

# ---- 1. Debian packages --------------------------------------------------------------
t=$(now)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  step "apt packages" "ok, already installed ($(elapsed "$t"))"
else
  [ "$(id -u)" = 0 ] || die "apt packages missing (${missing[*]}) and not root: run 'sudo apt-get install -y --no-install-recommends ${missing[*]}'"
  export DEBIAN_FRONTEND=noninteractive
  # apt-get update only when a package has no install candidate (lists empty or stale).
  need_update=0
  for p in "${missing[@]}"; do
    cand=$(apt-cache policy "$p" 2>/dev/null | awk '/Candidate:/ { print $2 }')
    if [ -z "$cand" ] || [ "$cand" = "(none)" ]; then need_update=1; fi
  done
  if [ $need_update = 1 ]; then
    apt-get update -q >"$CACHE/apt.log" 2>&1 || { tail -20 "$CACHE/apt.log" >&2; die "apt-get update failed (log: $CACHE/apt.log)"; }
  fi
  if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$CACHE/apt.log" 2>&1; then
    # Lists may be stale (404 on a superseded .deb): refresh once and retry.
    apt-get update -q >>"$CACHE/apt.log" 2>&1 || true
    apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$CACHE/apt.log" 2>&1 \
      || { tail -20 "$CACHE/apt.log" >&2; die "apt-get install ${missing[*]} failed (log: $CACHE/apt.log)"; }
  fi
  step "apt packages" "installed ${missing[*]} ($(elapsed "$t"))"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium missing after installing the chromium package"
[ -x /usr/bin/rg ] || die "/usr/bin/rg missing after installing the ripgrep package"

# ---- 2. code-server --------------------------------------------------------------------
if [ -f "$MARKER" ] && [ -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  step "code-server $CODE_SERVER_VERSION" "ok, cached in $CS_DIR"
else
  # Fix 3: @vscode/ripgrep's postinstall downloads rg from GitHub unless it finds this
  # tarball in $TMPDIR/vscode-ripgrep-cache-<version>/. Debian's rg is the same 13.0.0.
  t=$(now)
  INSTALL_TMP="$CACHE/install-tmp"
  RG_CACHE="$INSTALL_TMP/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION"
  mkdir -p "$RG_CACHE"
  if [ ! -s "$RG_CACHE/$RIPGREP_ASSET" ]; then
    stage=$(mktemp -d "$INSTALL_TMP/rg-stage.XXXXXX")
    cp /usr/bin/rg "$stage/rg"
    tar -czf "$RG_CACHE/$RIPGREP_ASSET" -C "$stage" rg
    rm -rf "$stage"
  fi
  step "ripgrep cache tarball" "ok ($(elapsed "$t"))"

  t=$(now)
  # A previous run that did not finish leaves no marker: start from a clean folder.
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  cat >"$CS_DIR/package.json" <<JSON
{
  "name": "product-spec-e2e-code-server",
  "private": true,
  "description": "Isolated install of code-server for the product-spec real-editor tests (made by scripts/e2e/setup.sh)",
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" }
}
JSON
  log="$CACHE/npm-install.log"
  step "code-server $CODE_SERVER_VERSION" "installing with npm (about 1.5 min; log: $log)"
  # Fix 1: postinstall as root demands --unsafe-perm (npm 11 dropped the flag).
  # Fix 4: node-pty runs 'npx node-gyp', which must not prompt.
  # Fix 3: TMPDIR holds the ripgrep cache tarball.   (Fix 2 = libkrb5-dev, above.)
  if ! ( cd "$CS_DIR" && \
         TMPDIR="$INSTALL_TMP" npm_config_unsafe_perm=true npm_config_yes=true \
         npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false \
         npm install >"$log" 2>&1 ); then
    tail -30 "$log" >&2
    die "npm install code-server@$CODE_SERVER_VERSION failed (full log: $log)"
  fi
  # npm 11 warns that install scripts are "not yet covered by allowScripts" but still runs
  # them; check their results, so that a future npm that skips them fails here, clearly.
  VS="$CS_DIR/node_modules/code-server/lib/vscode"
  [ -x "$CS_DIR/node_modules/.bin/code-server" ] || die "code-server executable missing after install (log: $log)"
  [ -d "$VS/node_modules" ] || die "code-server's postinstall did not run (no $VS/node_modules; log: $log)"
  [ -x "$VS/node_modules/@vscode/ripgrep/bin/rg" ] || die "ripgrep missing in $VS/node_modules/@vscode/ripgrep/bin (log: $log)"
  "$VS/node_modules/@vscode/ripgrep/bin/rg" --version >/dev/null || die "code-server's rg does not run"
  [ -f "$VS/node_modules/node-pty/build/Release/pty.node" ] || die "node-pty was not built (log: $log)"
  [ -f "$VS/node_modules/kerberos/build/Release/kerberos.node" ] || die "kerberos was not built (libkrb5-dev?) (log: $log)"
  step "code-server $CODE_SERVER_VERSION" "installed ($(elapsed "$t"))"
fi

# ---- 3. smoke check ----------------------------------------------------------------------
t=$(now)
# Even --version writes ~/.config/code-server/config.yaml and ~/.local/share/code-server
# unless the XDG folders point elsewhere: give it throwaway ones.
smoke=$(mktemp -d)
ver=$(env TMPDIR="$smoke" XDG_CONFIG_HOME="$smoke/config" XDG_DATA_HOME="$smoke/data" \
      XDG_CACHE_HOME="$smoke/cache" XDG_RUNTIME_DIR="$smoke/run" \
      "$CS_DIR/node_modules/.bin/code-server" --version 2>/dev/null | grep -m1 -E '^[0-9]+\.[0-9]+\.[0-9]+ ') \
  || { rm -rf "$smoke"; die "'code-server --version' failed; delete $CS_DIR and run setup.sh again"; }
rm -rf "$smoke"
case "$ver" in
  "$CODE_SERVER_VERSION "*) ;;
  *) die "unexpected code-server version '$ver' (want $CODE_SERVER_VERSION)";;
esac
touch "$MARKER"
step "code-server --version" "$ver ($(elapsed "$t"))"
step "done" "total $(elapsed "$T0")"
