package org.rapportkb.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rapportkb.check.Problem;
import org.rapportkb.check.YamlMap;

/**
 * Reads and validates the index-config folder into a {@link KbConfig}, each file by its own reader.
 */
public final class ConfigLoader {
  public static final String INSIGHTS_FILE = InsightsSettingsReader.FILE;

  private ConfigLoader() {}

  /** Loads the folder, or throws with every problem found. */
  public static KbConfig load(Path dir) throws ConfigException {
    List<Problem> problems = new ArrayList<>();
    Optional<KbConfig> config = load(dir, problems);
    if (config.isEmpty() || problems.stream().anyMatch(Problem::isError)) {
      throw new ConfigException(problems);
    }
    return config.get();
  }

  /** Loads the folder, adding every problem to {@code problems}; empty when it cannot be used. */
  public static Optional<KbConfig> load(Path dir, List<Problem> problems) {
    if (!Files.isDirectory(dir)) {
      problems.add(Problem.error(dir.toString(), 1, "config folder not found"));
      return Optional.empty();
    }
    int before = problems.size();
    CategoriesReader.Categories categories = CategoriesReader.read(dir, problems);
    QueryLimits limits = LimitsReader.read(dir, problems);
    SemanticSettings semantic = SemanticSettingsReader.read(dir, problems);
    InsightsSettings insights = InsightsSettingsReader.read(dir, problems);
    Optional<AnalysisReader.Analysis> analysis = AnalysisReader.read(dir, problems);
    if (analysis.isEmpty()
        || problems.subList(before, problems.size()).stream().anyMatch(Problem::isError)) {
      return Optional.empty();
    }
    AnalysisReader.Analysis chains = analysis.get();
    return Optional.of(
        new KbConfig(
            dir,
            categories.categories(),
            limits,
            chains.boosts(),
            chains.indexAnalyzer(),
            chains.queryAnalyzer(),
            chains.vocabulary(),
            IndexFingerprint.of(dir, chains.indexChain(), categories.categories()),
            semantic,
            categories.tagNames(),
            insights));
  }

  /**
   * The file {@code name} of the config folder {@code dir} read as YAML; empty when it cannot be.
   */
  static Optional<YamlMap> readYaml(Path dir, String name, List<Problem> problems) {
    try {
      String text = Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
      return YamlMap.parse(name, text, 1, problems);
    } catch (NoSuchFileException e) {
      problems.add(Problem.error(name, 1, "file missing from " + dir));
    } catch (IOException e) {
      problems.add(Problem.error(name, 1, "cannot read: " + e.getMessage()));
    }
    return Optional.empty();
  }
}
