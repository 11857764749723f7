package org.rapportkb.check;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A YAML mapping read with SnakeYAML that remembers the line of every key, so that problems can
 * name the exact line of the field they are about.
 *
 * <p>Values are kept as nodes; callers read them as text, lists of text or nested maps.
 */
public final class YamlMap {
  private final String path;
  private final int lineOffset;
  private final Map<String, Node> values;
  private final Map<String, Integer> keyLines;

  private YamlMap(
      String path, int lineOffset, Map<String, Node> values, Map<String, Integer> lines) {
    this.path = path;
    this.lineOffset = lineOffset;
    this.values = values;
    this.keyLines = lines;
  }

  /**
   * Parses {@code text} as a YAML mapping.
   *
   * @param lineOffset added to SnakeYAML's 0-based line numbers to get the file's 1-based lines
   * @param problems receives syntax errors and duplicate keys
   * @return the mapping, or empty when the text is not a mapping
   */
  public static Optional<YamlMap> parse(
      String path, String text, int lineOffset, List<Problem> problems) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowRecursiveKeys(false);
    options.setMaxAliasesForCollections(10);
    options.setNestingDepthLimit(20);
    options.setCodePointLimit(1_000_000);
    Node root;
    try {
      // What Yaml.compose does, without the object constructor and representer that a Yaml
      // instance builds first and that composing never uses.
      root =
          new Composer(
                  new ParserImpl(new StreamReader(new StringReader(text)), options),
                  new Resolver(),
                  options)
              .getSingleNode();
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine();
      String reason = e.getProblem() == null ? "invalid YAML" : e.getProblem();
      problems.add(Problem.error(path, line + lineOffset, "invalid YAML: " + reason));
      return Optional.empty();
    } catch (YAMLException e) {
      problems.add(Problem.error(path, lineOffset, "invalid YAML: " + e.getMessage()));
      return Optional.empty();
    }
    if (root == null) {
      return Optional.of(new YamlMap(path, lineOffset, Map.of(), Map.of()));
    }
    if (!(root instanceof MappingNode mapping)) {
      problems.add(
          Problem.error(path, line(root, lineOffset), "expected 'field: value' lines (a mapping)"));
      return Optional.empty();
    }
    return Optional.of(fromMapping(path, mapping, lineOffset, problems));
  }

  private static YamlMap fromMapping(
      String path, MappingNode mapping, int lineOffset, List<Problem> problems) {
    Map<String, Node> values = new LinkedHashMap<>();
    Map<String, Integer> lines = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      int keyLine = line(tuple.getKeyNode(), lineOffset);
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        problems.add(Problem.error(path, keyLine, "field names must be plain words"));
        continue;
      }
      if (values.containsKey(key.getValue())) {
        problems.add(Problem.error(path, keyLine, "field '" + key.getValue() + "' is given twice"));
        continue;
      }
      values.put(key.getValue(), tuple.getValueNode());
      lines.put(key.getValue(), keyLine);
    }
    return new YamlMap(path, lineOffset, values, lines);
  }

  private static int line(Node node, int lineOffset) {
    return node.getStartMark() == null ? lineOffset : node.getStartMark().getLine() + lineOffset;
  }

  public String path() {
    return path;
  }

  public Iterable<String> keys() {
    return values.keySet();
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** The line of {@code key}, or the first line of the mapping when the key is absent. */
  public int lineOf(String key) {
    return keyLines.getOrDefault(key, lineOffset);
  }

  /** The value of {@code key} as text, if it is a single value. */
  public Optional<String> text(String key, List<Problem> problems) {
    Node node = values.get(key);
    if (node == null) {
      return Optional.empty();
    }
    if (node instanceof ScalarNode scalar) {
      return Optional.of(scalar.getValue());
    }
    problems.add(Problem.error(path, lineOf(key), "'" + key + "' must be a single value"));
    return Optional.empty();
  }

  /**
   * The value of {@code key} as a list of text values; a single value counts as a list of one. Each
   * element comes with its own line.
   */
  public List<Item> list(String key, List<Problem> problems) {
    Node node = values.get(key);
    List<Item> items = new ArrayList<>();
    if (node == null) {
      return items;
    }
    if (node instanceof ScalarNode scalar) {
      if (!scalar.getValue().isBlank()) {
        items.add(new Item(scalar.getValue(), line(scalar, lineOffset)));
      }
      return items;
    }
    if (!(node instanceof SequenceNode sequence)) {
      problems.add(Problem.error(path, lineOf(key), "'" + key + "' must be a list like [a, b]"));
      return items;
    }
    for (Node element : sequence.getValue()) {
      if (element instanceof ScalarNode scalar) {
        items.add(new Item(scalar.getValue(), line(element, lineOffset)));
      } else {
        problems.add(
            Problem.error(
                path, line(element, lineOffset), "'" + key + "' items must be single values"));
      }
    }
    return items;
  }

  /** The value of {@code key} as a nested mapping. */
  public Optional<YamlMap> map(String key, List<Problem> problems) {
    Node node = values.get(key);
    if (node == null) {
      return Optional.empty();
    }
    if (node instanceof MappingNode mapping) {
      return Optional.of(fromMapping(path, mapping, lineOffset, problems));
    }
    problems.add(Problem.error(path, lineOf(key), "'" + key + "' must be a mapping"));
    return Optional.empty();
  }

  /** The value of {@code key} as a list of nested mappings or single values. */
  public List<Node> nodes(String key) {
    Node node = values.get(key);
    if (node instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    return node == null ? List.of() : List.of(node);
  }

  /** Reads a node found by {@link #nodes} as a mapping, with the same path and line offset. */
  public Optional<YamlMap> asMap(Node node, List<Problem> problems) {
    if (node instanceof MappingNode mapping) {
      return Optional.of(fromMapping(path, mapping, lineOffset, problems));
    }
    return Optional.empty();
  }

  /** The line of a node found by {@link #nodes}. */
  public int lineOf(Node node) {
    return line(node, lineOffset);
  }

  /** A single text value and the line it stands on. */
  public record Item(String value, int line) {}
}
