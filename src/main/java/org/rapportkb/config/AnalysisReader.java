package org.rapportkb.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.rapportkb.check.Problem;
import org.rapportkb.check.YamlMap;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads {@code analysis.yml}: the index and query analyzers, and the field boosts.
 *
 * <p>Every mistake is reported with its line.
 */
final class AnalysisReader {
  static final String FILE = "analysis.yml";

  private static final Set<String> BOOSTED_FIELDS =
      Set.of("title", "aliases", "summary", "tags", "client", "body");

  private AnalysisReader() {}

  /**
   * What {@code analysis.yml} sets.
   *
   * @param vocabulary the lowercase words of the files the query chain names
   */
  record Analysis(
      AnalysisChain indexChain,
      Analyzer indexAnalyzer,
      Analyzer queryAnalyzer,
      Map<String, Float> boosts,
      Set<String> vocabulary) {}

  /** The analysis settings in {@code dir}; empty when the chains cannot be built. */
  static Optional<Analysis> read(Path dir, List<Problem> problems) {
    Optional<YamlMap> file = ConfigLoader.readYaml(dir, FILE, problems);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    YamlMap analysis = file.get();
    Optional<AnalysisChain> indexChain = readChain(analysis, "index", problems);
    Optional<AnalysisChain> queryChain = readChain(analysis, "query", problems);
    Map<String, Float> boosts = readBoosts(analysis, problems);
    if (indexChain.isEmpty() || queryChain.isEmpty()) {
      return Optional.empty();
    }
    Optional<Analyzer> indexAnalyzer =
        AnalyzerFactory.build(dir, indexChain.get(), FILE, analysis.lineOf("index"), problems);
    Optional<Analyzer> queryAnalyzer =
        AnalyzerFactory.build(dir, queryChain.get(), FILE, analysis.lineOf("query"), problems);
    if (indexAnalyzer.isEmpty() || queryAnalyzer.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Analysis(
            indexChain.get(),
            indexAnalyzer.get(),
            queryAnalyzer.get(),
            boosts,
            vocabulary(dir, queryChain.get())));
  }

  private static Optional<AnalysisChain> readChain(
      YamlMap analysis, String key, List<Problem> problems) {
    Optional<YamlMap> section = analysis.map(key, problems);
    if (section.isEmpty()) {
      problems.add(Problem.error(FILE, analysis.lineOf(key), "missing '" + key + ":' chain"));
      return Optional.empty();
    }
    YamlMap chain = section.get();
    List<AnalysisChain.Component> tokenizers = components(chain, "tokenizer", problems);
    if (tokenizers.size() != 1) {
      problems.add(
          Problem.error(
              FILE, chain.lineOf("tokenizer"), "'" + key + "' needs exactly one tokenizer"));
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
                FILE, chain.lineOf(node), "write each filter as 'name' or 'name: {param: value}'"));
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
              FILE, analysis.lineOf("boosts"), "missing 'boosts:' for the searched fields"));
      return boosts;
    }
    YamlMap yaml = section.get();
    for (String field : yaml.keys()) {
      if (!BOOSTED_FIELDS.contains(field)) {
        problems.add(
            Problem.error(
                FILE, yaml.lineOf(field), Problem.unknown("field", field, BOOSTED_FIELDS)));
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
                FILE, yaml.lineOf(field), "boost for '" + field + "' must be a positive number"));
      }
    }
    if (boosts.isEmpty()) {
      problems.add(
          Problem.error(
              FILE, analysis.lineOf("boosts"), "no field is searched: give at least one boost"));
    }
    return Map.copyOf(boosts);
  }

  /** The lowercase words of every config file a chain's parameters name. */
  private static Set<String> vocabulary(Path dir, AnalysisChain chain) {
    Set<String> words = new HashSet<>();
    for (Path file : chain.files(dir)) {
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (line.startsWith("#")) {
            continue;
          }
          for (String word : line.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
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
}
