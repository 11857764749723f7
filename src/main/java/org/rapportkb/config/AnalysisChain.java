package org.rapportkb.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A tokenizer and its token filters, each named by its Lucene factory name with parameters. */
public record AnalysisChain(Component tokenizer, List<Component> filters) {

  /** One factory by name (for example {@code standard}, {@code porterStem}) and its parameters. */
  public record Component(String name, Map<String, String> params) {}

  /** The tokenizer, then the filters in order. */
  public List<Component> components() {
    List<Component> components = new ArrayList<>();
    components.add(tokenizer);
    components.addAll(filters);
    return components;
  }

  /**
   * The files of the config folder {@code dir} that the components' parameters name (stop words,
   * protected words, synonyms), in component and parameter-name order.
   */
  public List<Path> files(Path dir) {
    List<Path> files = new ArrayList<>();
    for (Component component : components()) {
      for (String value : new TreeMap<>(component.params()).values()) {
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
}
