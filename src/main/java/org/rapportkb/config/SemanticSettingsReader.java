package org.rapportkb.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rapportkb.check.Problem;
import org.rapportkb.check.YamlMap;

/** Reads {@code semantic.yml}; every mistake is reported with its line and the default kept. */
final class SemanticSettingsReader {
  static final String FILE = "semantic.yml";

  private final YamlMap yaml;
  private final List<Problem> problems;

  private SemanticSettingsReader(YamlMap yaml, List<Problem> problems) {
    this.yaml = yaml;
    this.problems = problems;
  }

  /** The settings in {@code dir}, or the defaults when the file is absent. */
  static SemanticSettings read(Path dir, List<Problem> problems) {
    if (!Files.exists(dir.resolve(FILE))) {
      return SemanticSettings.DEFAULTS;
    }
    Optional<YamlMap> file = ConfigLoader.readYaml(dir, FILE, problems);
    if (file.isEmpty()) {
      return SemanticSettings.DEFAULTS;
    }
    return new SemanticSettingsReader(file.get(), problems).settings();
  }

  private SemanticSettings settings() {
    SemanticSettings d = SemanticSettings.DEFAULTS;
    return new SemanticSettings(
        bool("enabled", d.enabled()),
        model(d.model()),
        (int) number("threads", d.threads(), 1, 64, true),
        number("minSimilarity", d.minSimilarity(), -1, 1, false),
        number("lexicalWeight", d.lexicalWeight(), 0, 100, false),
        number("semanticWeight", d.semanticWeight(), 0, 100, false),
        (int) number("passagesPerArticle", d.passagesPerArticle(), 1, 20, true),
        (int) number("candidates", d.candidates(), 1, 10_000, true));
  }

  private boolean bool(String key, boolean fallback) {
    Optional<String> value = yaml.text(key, problems);
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

  private String model(String fallback) {
    Optional<String> value = yaml.text("model", problems);
    if (value.isEmpty()) {
      return fallback;
    }
    String name = value.get().trim();
    if (!SemanticSettings.MODELS.contains(name)) {
      error("model", "unknown model '" + name + "' (known: " + SemanticSettings.MODELS + ")");
      return fallback;
    }
    return name;
  }

  private double number(String key, double fallback, double least, double most, boolean whole) {
    Optional<String> value = yaml.text(key, problems);
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

  private static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  private void error(String key, String message) {
    problems.add(Problem.error(FILE, yaml.lineOf(key), message));
  }
}
