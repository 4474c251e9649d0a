#!/usr/bin/env bash
# Runs a benchmark program from a module's test classes with a JDK 21+.
#   ./bench.sh sync-agent vn.hanoi.branch.agent.bench.AgentBenchmark [args...]
set -euo pipefail
cd "$(dirname "$0")"
module=$1; main=$2; shift 2
mvn -B -q -DskipTests -pl "$module" -am install >/dev/null
mvn -B -q -pl "$module" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp >/dev/null
source bin/lib/launch.sh   # the JDK discovery and JVM options of the launchers
JAVA=$(branch_find_java)
exec "$JAVA" "${BRANCH_COMMON_OPTS[@]}" -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.cp")" "$main" "$@"
