package org.rapportkb.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
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
   * The settings {@code read} makes of the file {@code name} in the config folder {@code dir}; the
   * defaults when the file is absent or cannot be read as a mapping (reported in {@code problems}).
   */
  static <T> T read(
      Path dir, String name, List<Problem> problems, Function<SettingsFile, T> read, T defaults) {
    if (!Files.exists(dir.resolve(name))) {
      return defaults;
    }
    return ConfigLoader.readYaml(dir, name, problems)
        .map(yaml -> read.apply(new SettingsFile(name, yaml, problems)))
        .orElse(defaults);
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

  /**
   * A whole number of at least {@code least}; {@code expected} says what a wrong value must be ("a
   * positive whole number").
   */
  int wholeNumber(String key, int fallback, int least, String expected) {
    Optional<String> value = text(key);
    if (value.isEmpty()) {
      return fallback;
    }
    int parsed = parseInt(value.get(), least - 1);
    if (parsed < least) {
      error(key, "'" + key + "' must be " + expected);
      return fallback;
    }
    return parsed;
  }

  /** {@code value} as a whole number, or {@code fallback} when it is none. */
  static int parseInt(String value, int fallback) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** Reports every key that is not one of {@code known}, so that a misspelt one is not ignored. */
  void onlyKeys(List<String> known) {
    for (String key : yaml.keys()) {
      if (!known.contains(key)) {
        error(key, Problem.unknown("setting", key, known));
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
