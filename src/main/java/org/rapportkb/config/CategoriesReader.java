package org.rapportkb.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rapportkb.article.Slugs;
import org.rapportkb.check.Problem;
import org.rapportkb.check.YamlMap;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code categories.yml}: the curriculum modules in teaching order, and the tags' names.
 *
 * <p>Every mistake is reported with its line.
 */
final class CategoriesReader {
  static final String FILE = "categories.yml";

  private CategoriesReader() {}

  /** What {@code categories.yml} sets: the modules in order, and how tags are shown. */
  record Categories(List<Category> categories, TagNames tagNames) {}

  /** The modules and tag names in {@code dir}; none when the file cannot be read. */
  static Categories read(Path dir, List<Problem> problems) {
    Optional<YamlMap> file = ConfigLoader.readYaml(dir, FILE, problems);
    if (file.isEmpty()) {
      return new Categories(List.of(), TagNames.NONE);
    }
    return new Categories(categories(file.get(), problems), tagNames(file.get(), problems));
  }

  private static List<Category> categories(YamlMap yaml, List<Problem> problems) {
    List<Category> categories = new ArrayList<>();
    if (!yaml.has("categories")) {
      problems.add(Problem.error(FILE, 1, "missing 'categories:' list"));
      return categories;
    }
    Set<String> seen = new HashSet<>();
    int position = 0;
    for (Node node : yaml.nodes("categories")) {
      position++;
      int line = yaml.lineOf(node);
      Optional<YamlMap> entry = yaml.asMap(node, problems);
      if (entry.isEmpty()) {
        problems.add(Problem.error(FILE, line, "each category needs slug, name and description"));
        continue;
      }
      YamlMap category = entry.get();
      String slug = category.text("slug", problems).orElse("");
      String name = category.text("name", problems).orElse("");
      String description = category.text("description", problems).orElse("");
      if (!Slugs.isValid(slug)) {
        problems.add(
            Problem.error(FILE, line, "category slug '" + slug + "' must be lowercase-hyphenated"));
        continue;
      }
      if (!seen.add(slug)) {
        problems.add(Problem.error(FILE, line, "category '" + slug + "' is listed twice"));
        continue;
      }
      if (name.isBlank()) {
        problems.add(Problem.error(FILE, line, "category '" + slug + "' needs a name"));
      }
      int order =
          category.text("order", problems).map(v -> SettingsFile.parseInt(v, -1)).orElse(position);
      if (order < 0) {
        problems.add(
            Problem.error(FILE, category.lineOf("order"), "'order' must be a whole number"));
        order = position;
      }
      categories.add(new Category(slug, name.isBlank() ? slug : name, description, order));
    }
    if (categories.isEmpty()) {
      problems.add(Problem.error(FILE, yaml.lineOf("categories"), "no categories defined"));
    }
    categories.sort(Comparator.comparingInt(Category::order));
    return List.copyOf(categories);
  }

  /** The tag display names listed under {@code tags:}. */
  private static TagNames tagNames(YamlMap yaml, List<Problem> problems) {
    if (!yaml.has("tags")) {
      return TagNames.NONE;
    }
    Optional<YamlMap> tags = yaml.map("tags", problems);
    if (tags.isEmpty()) {
      return TagNames.NONE;
    }
    Map<String, String> names = new LinkedHashMap<>();
    for (String tag : tags.get().keys()) {
      String name = tags.get().text(tag, problems).orElse("").strip();
      int line = tags.get().lineOf(tag);
      if (!Slugs.isValid(tag)) {
        problems.add(Problem.error(FILE, line, "tag '" + tag + "' must be lowercase-hyphenated"));
      } else if (name.isEmpty()) {
        problems.add(Problem.error(FILE, line, "tag '" + tag + "' needs a name"));
      } else {
        names.put(tag, name);
      }
    }
    return new TagNames(names);
  }
}
