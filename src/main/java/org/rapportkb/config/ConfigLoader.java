package org.rapportkb.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.rapportkb.article.Slugs;
import org.rapportkb.check.Problem;
import org.rapportkb.check.YamlMap;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads and validates the index-config folder into a {@link KbConfig}. */
public final class ConfigLoader {
  public static final String ANALYSIS_FILE = "analysis.yml";
  public static final String CATEGORIES_FILE = "categories.yml";
  public static final String LIMITS_FILE = "limits.yml";
  public static final String INSIGHTS_FILE = InsightsSettingsReader.FILE;

  /** Bumped whenever the code changes how documents are indexed, so old indexes rebuild. */
  static final String SCHEMA_VERSION = "8";

  private static final Set<String> BOOSTED_FIELDS =
      Set.of("title", "aliases", "summary", "tags", "client", "body");

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
    List<Category> categories = readCategories(dir, problems);
    TagNames tagNames = readTagNames(dir, problems);
    QueryLimits limits = readLimits(dir, problems);
    SemanticSettings semantic = SemanticSettingsReader.read(dir, problems);
    InsightsSettings insights = InsightsSettingsReader.read(dir, problems);
    Optional<YamlMap> analysis = readYaml(dir, ANALYSIS_FILE, problems);
    if (analysis.isEmpty()) {
      return Optional.empty();
    }
    Optional<AnalysisChain> indexChain = readChain(analysis.get(), "index", problems);
    Optional<AnalysisChain> queryChain = readChain(analysis.get(), "query", problems);
    Map<String, Float> boosts = readBoosts(analysis.get(), problems);
    if (indexChain.isEmpty() || queryChain.isEmpty()) {
      return Optional.empty();
    }
    String analysisPath = ANALYSIS_FILE;
    Optional<Analyzer> indexAnalyzer =
        AnalyzerFactory.build(
            dir, indexChain.get(), analysisPath, analysis.get().lineOf("index"), problems);
    Optional<Analyzer> queryAnalyzer =
        AnalyzerFactory.build(
            dir, queryChain.get(), analysisPath, analysis.get().lineOf("query"), problems);
    if (indexAnalyzer.isEmpty() || queryAnalyzer.isEmpty()) {
      return Optional.empty();
    }
    if (problems.subList(before, problems.size()).stream().anyMatch(Problem::isError)) {
      return Optional.empty();
    }
    return Optional.of(
        new KbConfig(
            dir,
            categories,
            limits,
            boosts,
            indexAnalyzer.get(),
            queryAnalyzer.get(),
            vocabulary(dir, queryChain.get()),
            fingerprint(dir, indexChain.get(), categories),
            semantic,
            tagNames,
            insights));
  }

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

  private static List<Category> readCategories(Path dir, List<Problem> problems) {
    List<Category> categories = new ArrayList<>();
    Optional<YamlMap> file = readYaml(dir, CATEGORIES_FILE, problems);
    if (file.isEmpty()) {
      return categories;
    }
    YamlMap yaml = file.get();
    if (!yaml.has("categories")) {
      problems.add(Problem.error(CATEGORIES_FILE, 1, "missing 'categories:' list"));
      return categories;
    }
    Set<String> seen = new HashSet<>();
    int position = 0;
    for (Node node : yaml.nodes("categories")) {
      position++;
      int line = yaml.lineOf(node);
      Optional<YamlMap> entry = yaml.asMap(node, problems);
      if (entry.isEmpty()) {
        problems.add(
            Problem.error(CATEGORIES_FILE, line, "each category needs slug, name and description"));
        continue;
      }
      YamlMap category = entry.get();
      String slug = category.text("slug", problems).orElse("");
      String name = category.text("name", problems).orElse("");
      String description = category.text("description", problems).orElse("");
      if (!Slugs.isValid(slug)) {
        problems.add(
            Problem.error(
                CATEGORIES_FILE,
                line,
                "category slug '" + slug + "' must be lowercase-hyphenated"));
        continue;
      }
      if (!seen.add(slug)) {
        problems.add(
            Problem.error(CATEGORIES_FILE, line, "category '" + slug + "' is listed twice"));
        continue;
      }
      if (name.isBlank()) {
        problems.add(Problem.error(CATEGORIES_FILE, line, "category '" + slug + "' needs a name"));
      }
      int order = category.text("order", problems).map(v -> parseInt(v, -1)).orElse(position);
      if (order < 0) {
        problems.add(
            Problem.error(
                CATEGORIES_FILE, category.lineOf("order"), "'order' must be a whole number"));
        order = position;
      }
      categories.add(new Category(slug, name.isBlank() ? slug : name, description, order));
    }
    if (categories.isEmpty()) {
      problems.add(
          Problem.error(CATEGORIES_FILE, yaml.lineOf("categories"), "no categories defined"));
    }
    categories.sort(java.util.Comparator.comparingInt(Category::order));
    return List.copyOf(categories);
  }

  /** The tag display names listed under {@code tags:} in categories.yml. */
  private static TagNames readTagNames(Path dir, List<Problem> problems) {
    Optional<YamlMap> file = readYaml(dir, CATEGORIES_FILE, new ArrayList<>());
    if (file.isEmpty() || !file.get().has("tags")) {
      return TagNames.NONE;
    }
    Optional<YamlMap> tags = file.get().map("tags", problems);
    if (tags.isEmpty()) {
      return TagNames.NONE;
    }
    Map<String, String> names = new java.util.LinkedHashMap<>();
    for (String tag : tags.get().keys()) {
      String name = tags.get().text(tag, problems).orElse("").strip();
      int line = tags.get().lineOf(tag);
      if (!Slugs.isValid(tag)) {
        problems.add(
            Problem.error(CATEGORIES_FILE, line, "tag '" + tag + "' must be lowercase-hyphenated"));
      } else if (name.isEmpty()) {
        problems.add(Problem.error(CATEGORIES_FILE, line, "tag '" + tag + "' needs a name"));
      } else {
        names.put(tag, name);
      }
    }
    return new TagNames(names);
  }

  private static QueryLimits readLimits(Path dir, List<Problem> problems) {
    if (!Files.exists(dir.resolve(LIMITS_FILE))) {
      return QueryLimits.DEFAULTS;
    }
    Optional<YamlMap> file = readYaml(dir, LIMITS_FILE, problems);
    if (file.isEmpty()) {
      return QueryLimits.DEFAULTS;
    }
    YamlMap yaml = file.get();
    QueryLimits d = QueryLimits.DEFAULTS;
    return new QueryLimits(
        positive(yaml, "maxQueryLength", d.maxQueryLength(), problems),
        positive(yaml, "maxPageSize", d.maxPageSize(), problems),
        positive(yaml, "resultWindow", d.resultWindow(), problems),
        positive(yaml, "timeoutMillis", (int) d.timeoutMillis(), problems),
        positive(yaml, "maxClauses", d.maxClauses(), problems),
        positive(yaml, "maxNesting", d.maxNesting(), problems),
        atLeastZero(yaml, "cachedSearches", d.cachedSearches(), problems));
  }

  private static int positive(YamlMap yaml, String key, int fallback, List<Problem> problems) {
    return wholeNumber(yaml, key, 1, "a positive whole number", fallback, problems);
  }

  private static int atLeastZero(YamlMap yaml, String key, int fallback, List<Problem> problems) {
    return wholeNumber(yaml, key, 0, "a whole number, 0 or more", fallback, problems);
  }

  private static int wholeNumber(
      YamlMap yaml, String key, int least, String expected, int fallback, List<Problem> problems) {
    Optional<String> value = yaml.text(key, problems);
    if (value.isEmpty()) {
      return fallback;
    }
    int parsed = parseInt(value.get(), least - 1);
    if (parsed < least) {
      problems.add(
          Problem.error(LIMITS_FILE, yaml.lineOf(key), "'" + key + "' must be " + expected));
      return fallback;
    }
    return parsed;
  }

  private static int parseInt(String value, int fallback) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static Optional<AnalysisChain> readChain(
      YamlMap analysis, String key, List<Problem> problems) {
    Optional<YamlMap> section = analysis.map(key, problems);
    if (section.isEmpty()) {
      problems.add(
          Problem.error(ANALYSIS_FILE, analysis.lineOf(key), "missing '" + key + ":' chain"));
      return Optional.empty();
    }
    YamlMap chain = section.get();
    List<AnalysisChain.Component> tokenizers = components(chain, "tokenizer", problems);
    if (tokenizers.size() != 1) {
      problems.add(
          Problem.error(
              ANALYSIS_FILE,
              chain.lineOf("tokenizer"),
              "'" + key + "' needs exactly one tokenizer"));
      return Optional.empty();
    }
    return Optional.of(
        new AnalysisChain(tokenizers.get(0), components(chain, "filters", problems)));
  }

  private static List<AnalysisChain.Component> components(
      YamlMap chain, String key, List<Problem> problems) {
    List<AnalysisChain.Component> result = new ArrayList<>();
    for (Node node : chain.nodes(key)) {
      if (node instanceof ScalarNode scalar) {
        result.add(new AnalysisChain.Component(scalar.getValue(), Map.of()));
        continue;
      }
      Optional<YamlMap> entry = chain.asMap(node, problems);
      List<String> names = new ArrayList<>();
      entry.ifPresent(e -> e.keys().forEach(names::add));
      if (names.size() != 1) {
        problems.add(
            Problem.error(
                ANALYSIS_FILE,
                chain.lineOf(node),
                "write each filter as 'name' or 'name: {param: value}'"));
        continue;
      }
      String name = names.get(0);
      Map<String, String> params = new LinkedHashMap<>();
      entry
          .get()
          .map(name, problems)
          .ifPresent(
              p -> {
                for (String param : p.keys()) {
                  p.text(param, problems).ifPresent(v -> params.put(param, v));
                }
              });
      result.add(new AnalysisChain.Component(name, Map.copyOf(params)));
    }
    return result;
  }

  private static Map<String, Float> readBoosts(YamlMap analysis, List<Problem> problems) {
    Map<String, Float> boosts = new LinkedHashMap<>();
    Optional<YamlMap> section = analysis.map("boosts", problems);
    if (section.isEmpty()) {
      problems.add(
          Problem.error(
              ANALYSIS_FILE,
              analysis.lineOf("boosts"),
              "missing 'boosts:' for the searched fields"));
      return boosts;
    }
    YamlMap yaml = section.get();
    for (String field : yaml.keys()) {
      if (!BOOSTED_FIELDS.contains(field)) {
        problems.add(
            Problem.error(
                ANALYSIS_FILE,
                yaml.lineOf(field),
                "unknown field '"
                    + field
                    + "' (known: "
                    + String.join(", ", BOOSTED_FIELDS.stream().sorted().toList())
                    + ")"));
        continue;
      }
      Optional<String> value = yaml.text(field, problems);
      try {
        float boost = Float.parseFloat(value.orElse("").trim());
        if (boost <= 0 || Float.isNaN(boost) || Float.isInfinite(boost)) {
          throw new NumberFormatException();
        }
        boosts.put(field, boost);
      } catch (NumberFormatException e) {
        problems.add(
            Problem.error(
                ANALYSIS_FILE,
                yaml.lineOf(field),
                "boost for '" + field + "' must be a positive number"));
      }
    }
    if (boosts.isEmpty()) {
      problems.add(
          Problem.error(
              ANALYSIS_FILE,
              analysis.lineOf("boosts"),
              "no field is searched: give at least one boost"));
    }
    return Map.copyOf(boosts);
  }

  /** The lowercase words of every config file a chain's parameters name. */
  static Set<String> vocabulary(Path dir, AnalysisChain chain) {
    Set<String> words = new HashSet<>();
    for (Path file : referencedFiles(dir, chain)) {
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (line.startsWith("#")) {
            continue;
          }
          for (String word : line.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
              words.add(word);
            }
          }
        }
      } catch (IOException e) {
        // The analyzer build reports unreadable files; no words come from them.
      }
    }
    return Set.copyOf(words);
  }

  private static List<Path> referencedFiles(Path dir, AnalysisChain chain) {
    List<Path> files = new ArrayList<>();
    List<AnalysisChain.Component> components = new ArrayList<>();
    components.add(chain.tokenizer());
    components.addAll(chain.filters());
    for (AnalysisChain.Component component : components) {
      for (String value : new java.util.TreeMap<>(component.params()).values()) {
        for (String part : value.split(",")) {
          Path file = dir.resolve(part.trim()).normalize();
          if (file.startsWith(dir.normalize()) && Files.isRegularFile(file)) {
            files.add(file);
          }
        }
      }
    }
    return files;
  }

  /**
   * A digest of what the index bakes into its documents: the index chain, every config file its
   * parameters name, and the modules in their order (each article's module position is kept for
   * sorting, and an article of a removed module must leave the index).
   */
  static String fingerprint(Path dir, AnalysisChain indexChain, List<Category> categories) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(SCHEMA_VERSION.getBytes(StandardCharsets.UTF_8));
      for (Category category : categories) {
        digest.update(("category=" + category.slug() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      List<AnalysisChain.Component> components = new ArrayList<>();
      components.add(indexChain.tokenizer());
      components.addAll(indexChain.filters());
      for (AnalysisChain.Component component : components) {
        digest.update(component.name().getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, String> param :
            new java.util.TreeMap<>(component.params()).entrySet()) {
          digest.update((param.getKey() + "=" + param.getValue()).getBytes(StandardCharsets.UTF_8));
        }
      }
      for (Path file : referencedFiles(dir, indexChain)) {
        digest.update(Files.readAllBytes(file));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException | IOException e) {
      throw new IllegalStateException("cannot fingerprint the analysis settings", e);
    }
  }
}
