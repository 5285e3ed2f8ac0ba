# Sourced by the scripts here: finds a JDK 21 or newer and the flags this project starts JVMs with.

# Prints the path of a java 21+ (JAVA_HOME, PATH, /usr/lib/jvm, sdkman), or fails.
java_21() {
  local candidate version
  for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java || true)" /usr/lib/jvm/*/bin/java \
                   "$HOME"/.sdkman/candidates/java/*/bin/java; do
    [ -x "$candidate" ] || continue
    version="$(java_feature "$candidate")"
    [ "$version" -ge 21 ] 2>/dev/null && { echo "$candidate"; return 0; }
  done
  return 1
}

# The feature version of a java binary: 17, 21, 25...
java_feature() {
  local version
  version="$("$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
  echo "${version%%.*}"
}

# Flags for a JVM of this project: on JDK 23+ the libraries' (Guava's, JMH's) use of sun.misc.Unsafe
# would print four warnings on every start; the memory access is allowed explicitly instead.
jvm_flags() {
  [ "$(java_feature "$1")" -ge 23 ] 2>/dev/null && echo "--sun-misc-unsafe-memory-access=allow"
  return 0
}

# Prints the java to use or a one-line error naming what is missing, for the script named in $1.
require_java_21() {
  java_21 || { echo "$1: needs Java 21 or newer, and found none (JAVA_HOME, PATH, /usr/lib/jvm, sdkman)" >&2; exit 2; }
}
