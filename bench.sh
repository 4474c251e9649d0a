#!/usr/bin/env bash
# Runs a benchmark program from a module's test classes with a JDK 21+.
#   ./bench.sh sync-agent vn.hanoi.branch.agent.bench.AgentBenchmark [args...]
set -euo pipefail
cd "$(dirname "$0")"
module=$1; main=$2; shift 2
mvn -B -q -DskipTests -pl "$module" -am install >/dev/null
mvn -B -q -pl "$module" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp >/dev/null
JAVA=""
for j in ${JAVA_HOME:+$JAVA_HOME/bin/java} /usr/lib/jvm/*/bin/java; do
  v=$("$j" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  if [ "${v%%.*}" -ge 21 ] 2>/dev/null; then JAVA=$j; break; fi
done
[ -n "$JAVA" ] || { echo "No Java 21+ found" >&2; exit 1; }
exec "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.cp")" "$main" "$@"
