#!/usr/bin/env bash
# Builds the stack's binaries at the versions pinned in observability/stack/versions.json, from the Go module proxy,
# and links them into .tools/bin of this repository (the demo and the tests look there before PATH):
#   prometheus, promtool     Prometheus' LTS line, with its web UI built as upstream's release does
#   alertmanager, amtool     with the compiled Elm UI that Alertmanager's module carried up to 0.31 (see below)
#   otelcol-nest             an OpenTelemetry Collector distribution built by the Collector's builder (ocb) from
#                            observability/otel-collector/builder-config.yaml
# Each build is cached outside the clone, keyed by its version (and for the Collector, its manifest), in
# $STACK_BINARIES_CACHE (default ~/.cache/nest-prometheus-monitoring): the first run takes 20 to 30 minutes on two
# cores, later ones a second. `npm run demo` and `npm test` run this first.
#
# Needs Go (go.dev/dl; the version the modules' go.mod names, else set GOTOOLCHAIN) and Node.js with npm. Without
# Go, put the release archives' binaries of the same versions on PATH instead (prometheus.io/download,
# github.com/open-telemetry/opentelemetry-collector-releases as otelcol-contrib, renamed otelcol-nest).
set -Eeuo pipefail
# A failed step says where, whatever it printed (or did not).
trap 'echo "install.sh: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
cd "$(dirname "$0")/../.."
root=$PWD

version_of() { node -p "require('$root/observability/stack/versions.json')['$1']"; }
prometheus_version=$(version_of prometheus)
alertmanager_version=$(version_of alertmanager)
elm_ui_version=$(version_of alertmanagerElmUi)
ocb_version=$(version_of ocb)
otelcol_version=$(version_of otelcol)
pnpm_version=$(version_of pnpm)

cache=${STACK_BINARIES_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/nest-prometheus-monitoring}
bin=$root/.tools/bin
mkdir -p "$cache" "$bin"

manifest=observability/otel-collector/builder-config.yaml
manifest_key=$( (cat "$manifest"; echo "ocb $ocb_version") | sha256sum | cut -c1-12)
prometheus_dir=$cache/prometheus-$prometheus_version
# Alertmanager's build also depends on how the Elm UI is laid out: its recipe is part of the key.
alertmanager_recipe=$(sed -n '/^build_alertmanager() {/,/^}/p' observability/stack/install.sh |
  cat - observability/stack/alertmanager-elm-ui/main.go | sha256sum | cut -c1-12)
alertmanager_dir=$cache/alertmanager-$alertmanager_version-elm-ui-$elm_ui_version-$alertmanager_recipe
otelcol_dir=$cache/otelcol-nest-$otelcol_version-$manifest_key

# The version a binary prints (`prometheus, version 3.13.5 (branch: ...)`, `otelcol-nest version 0.165.1`).
printed_version() { "$1" --version 2>&1 | sed -nE 's/.*version v?([0-9]+\.[0-9]+\.[0-9]+).*/\1/p' | head -n 1; }
is_built() { # FOLDER VERSION BINARY...
  local folder=$1 version=$2 binary
  shift 2
  for binary in "$@"; do
    [ -x "$folder/$binary" ] && [ "$(printed_version "$folder/$binary")" = "$version" ] || return 1
  done
}

link() { # FOLDER BINARY...
  local folder=$1 binary
  shift
  for binary in "$@"; do ln -sfn "$folder/$binary" "$bin/$binary"; done
}

if is_built "$prometheus_dir" "$prometheus_version" prometheus promtool &&
  is_built "$alertmanager_dir" "$alertmanager_version" alertmanager amtool &&
  is_built "$otelcol_dir" "$otelcol_version" otelcol-nest; then
  link "$prometheus_dir" prometheus promtool
  link "$alertmanager_dir" alertmanager amtool
  link "$otelcol_dir" otelcol-nest
  echo "Stack binaries: Prometheus $prometheus_version, Alertmanager $alertmanager_version, Collector $otelcol_version (cached in $cache)"
  exit 0
fi

# go.dev/dl's archive installs to /usr/local/go and leaves PATH to the user: a shell that was never set up (CI's
# plain PATH, a fresh login) has Go all the same.
if ! command -v go >/dev/null && [ -x /usr/local/go/bin/go ]; then PATH="/usr/local/go/bin:$PATH"; fi
if ! command -v go >/dev/null; then
  cat >&2 <<EOF
The stack's binaries are missing and Go is not installed to build them.
Install Go (https://go.dev/dl/) and run again, or put these releases' binaries on PATH yourself:
  prometheus and promtool $prometheus_version, alertmanager and amtool $alertmanager_version (prometheus.io/download),
  otelcol-contrib $otelcol_version renamed otelcol-nest (github.com/open-telemetry/opentelemetry-collector-releases).
EOF
  exit 1
fi
export GOWORK=off GOFLAGS=-mod=mod
build_started=$SECONDS
step() { echo "==> [$((SECONDS - build_started))s] $*"; }

# The folder of a module version in Go's module cache, downloaded from the proxy if needed.
module_dir() { go mod download -json "$1" | node -e 'let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>{const m=JSON.parse(s);if(m.Error)throw new Error(m.Error);console.log(m.Dir)})'; }

# A writable copy of a module, in a temporary folder removed on exit.
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
writable_copy() { # MODULE@VERSION NAME
  cp -r "$(module_dir "$1")" "$work/$2"
  chmod -R u+w "$work/$2"
  echo "$work/$2"
}

# Prometheus' and Alertmanager's release builds stamp their version through these (their .promu.yml).
version_ldflags() { # VERSION MODULE@VERSION
  local package=github.com/prometheus/common/version
  echo "-X $package.Version=$1 -X $package.Revision=$2 -X $package.Branch=HEAD" \
    "-X $package.BuildUser=nest-prometheus-monitoring -X $package.BuildDate=$(date -u +%Y%m%d-%H:%M:%S)"
}

build_prometheus() {
  # Its 3.x versions are published as Go module versions v0.3XX.Y (3.13.5 is v0.313.5).
  local module=github.com/prometheus/prometheus@v0.$(echo "$prometheus_version" | awk -F. '{ printf "%d%02d.%d", $1, $2, $3 }')
  step "Prometheus $prometheus_version ($module): download"
  local src
  src=$(writable_copy "$module" prometheus)
  step "Prometheus: its web UI (pnpm $pnpm_version install, build, compress)"
  npm install --loglevel=error --no-audit --no-fund --prefix "$cache/pnpm-$pnpm_version" "pnpm@$pnpm_version" >/dev/null
  (
    export PATH="$cache/pnpm-$pnpm_version/node_modules/.bin:$PATH"
    cd "$src/web/ui"
    pnpm install --frozen-lockfile --loglevel=error
    bash build_ui.sh --mantine-ui >/dev/null
    cd "$src"
    bash scripts/compress_assets.sh
  )
  step "Prometheus: go build prometheus and promtool (about 8 min cold on 2 cores)"
  local out=$work/prometheus-out
  mkdir -p "$out"
  local ldflags
  ldflags=$(version_ldflags "$prometheus_version" "$module")
  (cd "$src" && go build -tags netgo,builtinassets -ldflags "$ldflags" -o "$out/" ./cmd/prometheus ./cmd/promtool)
  rm -rf "$prometheus_dir" && mv "$out" "$prometheus_dir"
}

build_alertmanager() {
  local module=github.com/prometheus/alertmanager@v$alertmanager_version
  step "Alertmanager $alertmanager_version: download"
  local src
  src=$(writable_copy "$module" alertmanager)
  # Its module has the Elm UI's sources only: take the compiled UI of the last module that carried it, and lay it
  # out as this version's ui/web.go serves it (index.html at /, everything else under /assets/, gzipped).
  step "Alertmanager: the compiled Elm UI of $elm_ui_version"
  local extractor=$work/elm-ui-extractor elm=$src/ui/app/dist/elm
  mkdir -p "$extractor" "$elm/assets"
  cp observability/stack/alertmanager-elm-ui/main.go "$extractor/"
  sed 's/^package asset$/package main/' \
    "$(module_dir "github.com/prometheus/alertmanager@v$elm_ui_version")/asset/assets_vfsdata.go" \
    >"$extractor/assets_vfsdata.go"
  (cd "$extractor" && go mod init elm-ui-extractor >/dev/null 2>&1 && go run . "$work/elm-ui")
  sed 's|src="script.js"|src="assets/script.js"|' "$work/elm-ui/index.html" >"$elm/index.html"
  sed 's|"lib/|"assets/lib/|g' "$work/elm-ui/script.js" >"$elm/assets/script.js"
  cp -r "$work/elm-ui/lib" "$elm/assets/lib"
  cp "$work/elm-ui/favicon.ico" "$elm/favicon.ico"
  grep -q 'src="assets/script.js"' "$elm/index.html" && grep -q '"assets/lib/bootstrap' "$elm/assets/script.js" || {
    echo "the Elm UI of Alertmanager $elm_ui_version is not laid out as expected" >&2
    exit 1
  }
  # As upstream's vite build leaves them: each text asset as .gz and .br only (web.go serves the encoding the browser
  # takes, and answers 404 when that variant is missing), fonts as they are.
  node -e '
    const { readdirSync, readFileSync, writeFileSync, unlinkSync } = require("node:fs");
    const { join } = require("node:path");
    const zlib = require("node:zlib");
    const compress = (folder) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) compress(path);
        else if (/\.(html|js|css|ico|svg|eot|ttf)$/.test(entry.name)) {
          const data = readFileSync(path);
          writeFileSync(`${path}.gz`, zlib.gzipSync(data, { level: 9 }));
          writeFileSync(`${path}.br`, zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
          unlinkSync(path);
        }
      }
    };
    compress(process.argv[1]);
  ' "$elm"
  step "Alertmanager: go build alertmanager and amtool"
  local out=$work/alertmanager-out
  mkdir -p "$out"
  local ldflags
  ldflags=$(version_ldflags "$alertmanager_version" "$module")
  (cd "$src" && go build -ldflags "$ldflags" -o "$out/" ./cmd/alertmanager ./cmd/amtool)
  rm -rf "$alertmanager_dir" && mv "$out" "$alertmanager_dir"
}

build_otelcol() {
  step "OpenTelemetry Collector builder (ocb) $ocb_version"
  GOBIN="$cache/ocb-$ocb_version" go install "go.opentelemetry.io/collector/cmd/builder@v$ocb_version"
  step "Collector otelcol-nest $otelcol_version from $manifest (about 11 min cold on 2 cores)"
  local config=$work/builder-config.yaml out=$work/otelcol-out
  sed "s|^dist:|dist:\n  output_path: $out|" "$manifest" >"$config"
  "$cache/ocb-$ocb_version/builder" --config "$config" >"$work/ocb.log" 2>&1 || {
    cat "$work/ocb.log" >&2
    exit 1
  }
  mkdir -p "$otelcol_dir.tmp" && mv "$out/otelcol-nest" "$otelcol_dir.tmp/"
  rm -rf "$otelcol_dir" && mv "$otelcol_dir.tmp" "$otelcol_dir"
}

echo "Building what is missing of the stack's binaries (all three: 20 to 30 minutes on two cores; cached in $cache)"
is_built "$prometheus_dir" "$prometheus_version" prometheus promtool || build_prometheus
is_built "$alertmanager_dir" "$alertmanager_version" alertmanager amtool || build_alertmanager
is_built "$otelcol_dir" "$otelcol_version" otelcol-nest || build_otelcol
for checked in "$prometheus_dir/prometheus:$prometheus_version" "$alertmanager_dir/alertmanager:$alertmanager_version" \
  "$otelcol_dir/otelcol-nest:$otelcol_version"; do
  found=$(printed_version "${checked%%:*}")
  [ "$found" = "${checked##*:}" ] || {
    echo "${checked%%:*} reports version '$found', not ${checked##*:}" >&2
    exit 1
  }
done
link "$prometheus_dir" prometheus promtool
link "$alertmanager_dir" alertmanager amtool
link "$otelcol_dir" otelcol-nest
step "Stack binaries built and linked into .tools/bin"
