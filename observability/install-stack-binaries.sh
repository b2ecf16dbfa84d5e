#!/usr/bin/env bash
# Installs Prometheus 3, promtool, Alertmanager and amtool from Debian's own packages (its unstable suite, which
# carries the Prometheus 3 LTS line) into .tools/ of this repository: `npm run install:stack-binaries`.
# The system's apt sources, package database and binaries are left alone: apt reads a private sources list,
# state and cache under .tools/apt, downloads the .deb files and dpkg only extracts them.
#
# The packages come from the Debian archive the system's apt already uses. On a system that has none (Ubuntu),
# set DEBIAN_MIRROR to a Debian archive's URL. Elsewhere, take the release archives of prometheus and
# alertmanager from the Prometheus project's download page and put their binaries on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

suite=${DEBIAN_SUITE:-unstable}
packages=(prometheus promtool prometheus-alertmanager)
tools=$PWD/.tools
apt_dir=$tools/apt
extract_dir=$tools/debian-root

# The Debian archive this system's apt reads (deb822 .sources files, then one-line sources.list entries).
system_debian_mirror() {
  local file
  for file in /etc/apt/sources.list.d/*.sources; do
    [ -f "$file" ] || continue
    awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i ~ /\/debian\/?$/) { print $i; exit } }' "$file"
  done | head -n 1
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$file" ] || continue
    awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /\/debian\/?$/) { print $i; exit } }' "$file"
  done | head -n 1
}

mirror=${DEBIAN_MIRROR:-$(system_debian_mirror | head -n 1)}
if [ -z "$mirror" ]; then
  echo "No Debian archive in this system's apt sources: set DEBIAN_MIRROR to a Debian archive URL and run again." >&2
  exit 1
fi
keyring=${DEBIAN_KEYRING:-/usr/share/keyrings/debian-archive-keyring.gpg}
if [ ! -r "$keyring" ]; then
  echo "Debian's archive keyring is missing ($keyring): apt-get install debian-archive-keyring, or set DEBIAN_KEYRING." >&2
  exit 1
fi
arch=$(dpkg --print-architecture)

mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/debs"
printf 'deb [arch=%s signed-by=%s] %s %s main\n' "$arch" "$keyring" "$mirror" "$suite" >"$apt_dir/sources.list"
touch "$apt_dir/status"
apt_options=(
  -o "Dir::Etc::SourceList=$apt_dir/sources.list"
  -o "Dir::Etc::SourceParts=-"
  -o "Dir::State::Lists=$apt_dir/lists"
  -o "Dir::State::status=$apt_dir/status"
  -o "Dir::Cache=$apt_dir/cache"
  -o "APT::Architecture=$arch"
  -o "Debug::NoLocking=1"
  -o "APT::Sandbox::User=root"
)
echo "Fetching ${packages[*]} from Debian $suite ($mirror)"
apt-get "${apt_options[@]}" -qq update
rm -f "$apt_dir/debs"/*.deb
(cd "$apt_dir/debs" && apt-get "${apt_options[@]}" -qq download "${packages[@]}")

rm -rf "$extract_dir"
for deb in "$apt_dir/debs"/*.deb; do dpkg -x "$deb" "$extract_dir"; done

mkdir -p "$tools/bin"
for binary in prometheus promtool prometheus-alertmanager amtool; do
  ln -sf "../debian-root/usr/bin/$binary" "$tools/bin/$binary"
done
# Debian's Alertmanager reads its notification templates from the package's data folder, with no flag to move
# it: put them there when they are missing (as root: the system package's own files, if any, are left alone).
am_share=/usr/share/prometheus/alertmanager
if [ ! -f "$am_share/default.tmpl" ]; then
  if mkdir -p "$am_share" 2>/dev/null && cp "$extract_dir$am_share"/*.tmpl "$am_share"/ 2>/dev/null; then
    echo "Alertmanager's templates copied to $am_share (Debian's Alertmanager reads them there)"
  else
    echo "Debian's Alertmanager reads its templates from $am_share; as root, run:" >&2
    echo "  mkdir -p $am_share && cp $extract_dir$am_share/*.tmpl $am_share/" >&2
    exit 1
  fi
fi

"$tools/bin/prometheus" --version 2>&1 | head -n 1
"$tools/bin/prometheus-alertmanager" --version 2>&1 | head -n 1
echo "Installed in $tools/bin (the demo and the tests look there before PATH)"
