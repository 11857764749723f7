package org.rapportkb.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rapportkb.check.Problem;
import org.rapportkb.check.YamlMap;

/**
 * One flat settings file of index-config read as switches and numbers; every mistake is reported
 * with the file and line of its key, and the caller's default kept.
 */
final class SettingsFile {
  private final String file;
  private final YamlMap yaml;
  private final List<Problem> problems;

  SettingsFile(String file, YamlMap yaml, List<Problem> problems) {
    this.file = file;
    this.yaml = yaml;
    this.problems = problems;
  }

  /**
   * The file {@code name} in the config folder {@code dir}, read; empty when it is absent (the
   * defaults apply) or cannot be read as a mapping (reported in {@code problems}).
   */
  static Optional<SettingsFile> read(Path dir, String name, List<Problem> problems) {
    if (!Files.exists(dir.resolve(name))) {
      return Optional.empty();
    }
    return ConfigLoader.readYaml(dir, name, problems)
        .map(yaml -> new SettingsFile(name, yaml, problems));
  }

  /** The text of {@code key}, if it is set. */
  Optional<String> text(String key) {
    return yaml.text(key, problems);
  }

  /** A switch: {@code true}/{@code false} (also yes/no, on/off). */
  boolean bool(String key, boolean fallback) {
    Optional<String> value = text(key);
    if (value.isEmpty()) {
      return fallback;
    }
    return switch (value.get().trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> {
        error(key, "'" + key + "' must be true or false");
        yield fallback;
      }
    };
  }

  /** A number from {@code least} to {@code most}, a whole one when {@code whole}. */
  double number(String key, double fallback, double least, double most, boolean whole) {
    Optional<String> value = text(key);
    if (value.isEmpty()) {
      return fallback;
    }
    String expected =
        (whole ? "a whole number" : "a number") + " from " + plain(least) + " to " + plain(most);
    try {
      double parsed = Double.parseDouble(value.get().trim());
      if (parsed < least || parsed > most || (whole && parsed != Math.rint(parsed))) {
        error(key, "'" + key + "' must be " + expected);
        return fallback;
      }
      return parsed;
    } catch (NumberFormatException e) {
      error(key, "'" + key + "' must be " + expected);
      return fallback;
    }
  }

  /** Reports every key that is not one of {@code known}, so that a misspelt one is not ignored. */
  void onlyKeys(List<String> known) {
    for (String key : yaml.keys()) {
      if (!known.contains(key)) {
        error(key, "unknown setting '" + key + "' (known: " + String.join(", ", known) + ")");
      }
    }
  }

  void error(String key, String message) {
    problems.add(Problem.error(file, yaml.lineOf(key), message));
  }

  private static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
