#!/usr/bin/env bash
# Builds the branch packages on Linux: Debian packages of the agent, kiosk and counter apps, each with
# its own trimmed Java runtime, into installer/target/packages/.
#   installer/build-packages.sh [--version 1.2.0] [--compression xz] [--apps agent,kiosk]
# (--compression xz for Debian 11 / Ubuntu 20.04; the default zstd needs Debian 12 / Ubuntu 22.04.)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package
JAVA=""
for j in ${JAVA_HOME:+$JAVA_HOME/bin/java} /usr/lib/jvm/*/bin/java; do
  v=$("$j" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  if [ "${v%%.*}" -ge 21 ] 2>/dev/null && [ -x "$(dirname "$j")/jpackage" ]; then JAVA=$j; break; fi
done
[ -n "$JAVA" ] || { echo "No JDK 21+ with jpackage found (JAVA_HOME or /usr/lib/jvm)" >&2; exit 1; }
version=$(mvn -B -q help:evaluate -Dexpression=project.version -DforceStdout 2>/dev/null || echo 0.1.0)
exec "$JAVA" -cp installer/target/classes vn.hanoi.branch.installer.Packager --type deb --version "$version" "$@"
