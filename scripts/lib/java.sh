# Sourced by the scripts here: finds a JDK 21 or newer and the flags this project starts JVMs with.

# Prints the path of a java 21+ (JAVA_HOME, PATH, /usr/lib/jvm, sdkman), or fails.
java_21() {
  java_at_least 21
}

# Prints the path of a java whose feature version is $1 or newer, looked for as java_21 does, or fails.
java_at_least() {
  local candidate version
  for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java || true)" /usr/lib/jvm/*/bin/java \
                   "$HOME"/.sdkman/candidates/java/*/bin/java; do
    [ -x "$candidate" ] || continue
    version="$(java_feature "$candidate")"
    [ "$version" -ge "$1" ] 2>/dev/null && { echo "$candidate"; return 0; }
  done
  return 1
}

# The feature version of a java binary: 17, 21, 25...
java_feature() {
  local version
  version="$("$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
  echo "${version%%.*}"
}

# Flags for a JVM that runs JMH: its runner's use of sun.misc.Unsafe (org.openjdk.jmh.util.Utils) would
# print four warnings on every start on JDK 24+; the memory access is allowed explicitly instead (the
# flag exists from 23). The stub, the scenarios and the reports need none since Guava 33 (pom.xml).
# Reactor Netty looks for QUIC's native code at its first request, which 24+ warns about unless native
# access is enabled (21 knows that flag; bench.jar's manifest enables it for `java -jar`).
jvm_flags() {
  [ "$(java_feature "$1")" -ge 23 ] 2>/dev/null && echo "--sun-misc-unsafe-memory-access=allow"
  echo "--enable-native-access=ALL-UNNAMED"
  return 0
}

# Prints the java to use or a one-line error naming what is missing, for the script named in $1.
require_java_21() {
  java_21 || { echo "$1: needs Java 21 or newer, and found none (JAVA_HOME, PATH, /usr/lib/jvm, sdkman)" >&2; exit 2; }
}
