# Sourced by the launchers in bin/, by demo.sh and by installer/build-packages.sh: finds a JDK 21+ the
# way the build does (JAVA_HOME, then /usr/lib/jvm, then PATH; the machine's default java may be 17),
# builds the checkout when it is missing or older than its sources, and gives the JVM options the
# installed packages' launchers use (installer AppSpec; LauncherScriptsTest keeps the two the same).
# BRANCH_LAUNCH_PRINT=1 prints the java command line instead of running it.

BRANCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# Touched after a build made by these scripts; also by the CI test, whose Maven reactor has just built all.
BRANCH_BUILT_STAMP="$BRANCH_ROOT/target/launchers.built"

# Prints the path of a java of version 21 or newer; with "jpackage", one whose JDK has jpackage.
branch_find_java() {
  local need_jpackage=${1:-} j v
  for j in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} /usr/lib/jvm/*/bin/java "$(command -v java || true)"; do
    [ -x "$j" ] || continue
    v=$("$j" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    [ "${v%%.*}" -ge 21 ] 2>/dev/null || continue
    [ -z "$need_jpackage" ] || [ -x "$(dirname "$j")/jpackage" ] || continue
    echo "$j"
    return 0
  done
  echo "Không tìm thấy Java 21 trở lên / no Java 21 or newer found (looked in JAVA_HOME, /usr/lib/jvm and PATH)${need_jpackage:+ with jpackage}." >&2
  return 1
}

# Builds the whole checkout (mvn -DskipTests package) when one of the given paths (relative to the
# root) is missing, or when a source or pom.xml changed since the last build made here.
branch_ensure_built() {
  local missing=0 p
  for p in "$@"; do [ -e "$BRANCH_ROOT/$p" ] || missing=1; done
  if [ "$missing" = 0 ] && [ -f "$BRANCH_BUILT_STAMP" ] && [ -z "$(cd "$BRANCH_ROOT" && find . \( -name target -o -name .git -o -path ./demo-data \) -prune -o \
      \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$BRANCH_BUILT_STAMP" -print 2>/dev/null | head -1)" ]; then
    return 0
  fi
  echo "Đang build / building (first run or sources changed): mvn -B -q -DskipTests package ..." >&2
  (cd "$BRANCH_ROOT" && mvn -B -q -DskipTests package) >&2 || {
    echo "Build thất bại / the build failed: run 'mvn -B -DskipTests package' in $BRANCH_ROOT to see why." >&2
    return 1
  }
  mkdir -p "$(dirname "$BRANCH_BUILT_STAMP")" && touch "$BRANCH_BUILT_STAMP"
}

# The class path of a module: its classes and its runtime dependencies (target/lib, copied at package).
branch_class_path() {
  echo "$BRANCH_ROOT/$1/target/classes:$BRANCH_ROOT/$1/target/lib/*"
}

# JVM options, as in the installed launchers (AppSpec); the agent's installed config file is left out:
# a checkout's agent reads --config or its defaults, never /etc.
BRANCH_COMMON_OPTS=(--enable-native-access=ALL-UNNAMED -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -XX:+ExitOnOutOfMemoryError)
BRANCH_AGENT_OPTS=("${BRANCH_COMMON_OPTS[@]}" -Xmx512m -Djava.awt.headless=true)
BRANCH_KIOSK_OPTS=("${BRANCH_COMMON_OPTS[@]}" -Xmx384m --add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED)
BRANCH_COUNTER_OPTS=("${BRANCH_COMMON_OPTS[@]}" -Xmx768m)

# branch_run MODULE MAIN_CLASS [JVM options...] -- [arguments...]: builds if needed, then runs (exec).
branch_run() {
  local module=$1 main=$2 java
  shift 2
  local jvm=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do jvm+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  java=$(branch_find_java) || exit 1
  branch_ensure_built "$module/target/classes" "$module/target/lib" || exit 1
  if [ -n "${BRANCH_LAUNCH_PRINT:-}" ]; then
    echo "$java" "${jvm[@]}" -cp "$(branch_class_path "$module")" "$main" "$@"
    exit 0
  fi
  exec "$java" "${jvm[@]}" -cp "$(branch_class_path "$module")" "$main" "$@"
}
