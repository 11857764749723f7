package org.rapportkb.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/** Finds an installed JDK of at least a given feature version in the usual places. */
final class JdkFinder {
  private JdkFinder() {}

  /**
   * Returns the {@code java} executable of the newest JDK whose version is at least {@code min}.
   */
  static Optional<Path> findJava(int min) {
    return candidateHomes().stream()
        .filter(home -> featureVersion(home) >= min)
        .filter(home -> Files.isExecutable(javaOf(home)))
        .max(Comparator.comparingInt(JdkFinder::featureVersion))
        .map(JdkFinder::javaOf);
  }

  static int featureVersion(Path home) {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release)) {
      return -1;
    }
    Properties properties = new Properties();
    try (var reader = Files.newBufferedReader(release)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      return -1;
    }
    String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
    try {
      String feature = version.split("[.+-]")[0];
      return Integer.parseInt(feature);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Path javaOf(Path home) {
    return home.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase().contains("win");
  }

  private static List<Path> candidateHomes() {
    List<Path> homes = new ArrayList<>();
    for (String variable : List.of("RAPPORT_KB_JAVA_HOME", "JAVA_HOME", "JDK_HOME")) {
      String value = System.getenv(variable);
      if (value != null && !value.isBlank()) {
        homes.add(Path.of(value));
      }
    }
    String userHome = System.getProperty("user.home", "");
    List<Path> roots =
        List.of(
            Path.of("/usr/lib/jvm"),
            Path.of("/usr/java"),
            Path.of("/opt/java"),
            Path.of("/opt"),
            Path.of("/Library/Java/JavaVirtualMachines"),
            Path.of(userHome, ".sdkman", "candidates", "java"),
            Path.of(userHome, ".jdks"));
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
        for (Path child : children) {
          homes.add(child);
          homes.add(child.resolve("Contents").resolve("Home"));
        }
      } catch (IOException e) {
        // An unreadable folder simply holds no candidate.
      }
    }
    return homes;
  }
}
