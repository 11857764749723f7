package org.rapportkb.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.rapportkb.check.Problem;

/** Reads {@code semantic.yml}; every mistake is reported with its line and the default kept. */
final class SemanticSettingsReader {
  static final String FILE = "semantic.yml";

  private final SettingsFile file;

  private SemanticSettingsReader(SettingsFile file) {
    this.file = file;
  }

  /** The settings in {@code dir}, or the defaults when the file is absent. */
  static SemanticSettings read(Path dir, List<Problem> problems) {
    return SettingsFile.read(
        dir,
        FILE,
        problems,
        file -> new SemanticSettingsReader(file).settings(),
        SemanticSettings.DEFAULTS);
  }

  private SemanticSettings settings() {
    SemanticSettings d = SemanticSettings.DEFAULTS;
    return new SemanticSettings(
        file.bool("enabled", d.enabled()),
        model(d.model()),
        (int) file.number("threads", d.threads(), 1, 64, true),
        file.number("minSimilarity", d.minSimilarity(), -1, 1, false),
        file.number("lexicalWeight", d.lexicalWeight(), 0, 100, false),
        file.number("semanticWeight", d.semanticWeight(), 0, 100, false),
        (int) file.number("passagesPerArticle", d.passagesPerArticle(), 1, 20, true),
        (int) file.number("candidates", d.candidates(), 1, 10_000, true));
  }

  private String model(String fallback) {
    Optional<String> value = file.text("model");
    if (value.isEmpty()) {
      return fallback;
    }
    String name = value.get().trim();
    if (!SemanticSettings.MODELS.contains(name)) {
      file.error("model", "unknown model '" + name + "' (known: " + SemanticSettings.MODELS + ")");
      return fallback;
    }
    return name;
  }
}
