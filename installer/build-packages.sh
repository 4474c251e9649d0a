#!/usr/bin/env bash
# Builds the branch packages on Linux: Debian packages of the agent, kiosk and counter apps, each with
# its own trimmed Java runtime, into installer/target/packages/ (--dest DIR for another folder).
#   installer/build-packages.sh [--version 1.2.0] [--compression xz] [--apps agent,kiosk] [--dest DIR]
# (--compression xz for Debian 11 / Ubuntu 20.04; the default zstd needs Debian 12 / Ubuntu 22.04.)
# Without --version, the version is the project's, read from the root pom.xml.
set -euo pipefail
cd "$(dirname "$0")/.."
# The project's own <version> (the one after branch-parent's artifactId), read from the file: asking
# Maven for it brings terminal colour codes on some setups, and dpkg refuses such a version.
version=$(awk '/<parent>/,/<\/parent>/ {next} /<artifactId>branch-parent<\/artifactId>/ {found=1; next}
  found && /<version>/ {gsub(/.*<version>|<\/version>.*/, ""); print; exit}' pom.xml)
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  [ "${args[$i]}" = --version ] && version=${args[$((i + 1))]:-}
done
if [[ ! "$version" =~ ^[0-9][0-9A-Za-z.+~-]*$ ]]; then
  echo "Phiên bản không hợp lệ / invalid version '$version': it must start with a digit (e.g. 1.2.0); give --version." >&2
  exit 2
fi
source bin/lib/launch.sh
JAVA=$(branch_find_java jpackage)
branch_ensure_built installer/target/classes sync-agent/agent/target/lib kiosk-app/target/lib counter-app/target/lib
exec "$JAVA" -cp installer/target/classes vn.hanoi.branch.installer.Packager --type deb --version "$version" "$@"
