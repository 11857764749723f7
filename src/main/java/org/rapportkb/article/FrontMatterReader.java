package org.rapportkb.article;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rapportkb.check.Problem;
import org.rapportkb.check.YamlMap;

/**
 * Reads and validates the fields at the top of an article file into its {@link FrontMatter}.
 *
 * <p>Every problem names the line and the field.
 */
final class FrontMatterReader {
  private static final Set<String> FIELDS =
      Set.of(
          "title",
          "summary",
          "category",
          "level",
          "order",
          "tags",
          "aliases",
          "related",
          "updated",
          "reviewed",
          "draft");
  private static final int MAX_TITLE = 200;
  private static final int MAX_SUMMARY = 600;

  /** A tag, closing tag, comment or declaration somewhere in a value. */
  private static final Pattern MARKUP = Pattern.compile("(?s).*<[a-zA-Z/!].*");

  private static final Pattern REVIEW =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\s+by\\s+(\\S.{0,199})");

  private final YamlMap yaml;
  private final String path;
  private final List<Problem> problems;

  private FrontMatterReader(YamlMap yaml, List<Problem> problems) {
    this.yaml = yaml;
    this.path = yaml.path();
    this.problems = problems;
  }

  /**
   * The front matter in {@code yaml}, empty when it has errors; every problem is added to {@code
   * problems}.
   *
   * @param slug the article's own slug, which {@code related} should not list
   * @param knownSlugs every slug in the articles folder, to check {@code related}
   */
  static Optional<FrontMatter> read(
      YamlMap yaml,
      String slug,
      Set<String> knownSlugs,
      Curriculum curriculum,
      List<Problem> problems) {
    return new FrontMatterReader(yaml, problems).read(slug, knownSlugs, curriculum);
  }

  private Optional<FrontMatter> read(String slug, Set<String> knownSlugs, Curriculum curriculum) {
    int before = problems.size();
    for (String key : yaml.keys()) {
      if (!FIELDS.contains(key)) {
        problems.add(
            Problem.warning(path, yaml.lineOf(key), Problem.unknown("field", key, FIELDS)));
      }
    }
    String title = required("title", MAX_TITLE);
    String summary = required("summary", MAX_SUMMARY);
    String category = required("category", 100);
    if (!category.isEmpty()) {
      curriculum
          .categoryProblem(category)
          .ifPresent(m -> problems.add(Problem.error(path, yaml.lineOf("category"), m)));
    }
    String levelText = required("level", 100);
    Optional<Level> level = Level.parse(levelText);
    if (!levelText.isEmpty()) {
      Curriculum.levelProblem(levelText)
          .ifPresent(m -> problems.add(Problem.error(path, yaml.lineOf("level"), m)));
    }
    Integer order = order();
    List<String> tags = tags();
    List<String> aliases = aliases();
    List<String> related = related(slug, knownSlugs);
    LocalDate updated = updated();
    FrontMatter.Review reviewed = review();
    boolean draft = draft();
    if (problems.subList(before, problems.size()).stream().anyMatch(Problem::isError)) {
      return Optional.empty();
    }
    return Optional.of(
        new FrontMatter(
            title,
            summary,
            category,
            level.orElseThrow(),
            order,
            tags,
            aliases,
            related,
            updated,
            reviewed,
            draft));
  }

  private Integer order() {
    Optional<String> text = yaml.text("order", problems);
    if (text.isEmpty()) {
      return null;
    }
    try {
      int order = Integer.parseInt(text.get().strip());
      if (order >= 0) {
        return order;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(
        Problem.error(path, yaml.lineOf("order"), "'order' must be a whole number 0 or more"));
    return null;
  }

  private List<String> tags() {
    List<String> tags = new ArrayList<>();
    for (YamlMap.Item tag : yaml.list("tags", problems)) {
      if (!Slugs.isValid(tag.value())) {
        problems.add(
            Problem.error(
                path,
                tag.line(),
                "tag '"
                    + tag.value()
                    + "' must be lowercase and hyphenated, like '"
                    + Slugs.fromTitle(tag.value())
                    + "'"));
      } else if (!tags.contains(tag.value())) {
        tags.add(tag.value());
      }
    }
    return tags;
  }

  private List<String> aliases() {
    List<String> aliases = new ArrayList<>();
    for (YamlMap.Item alias : yaml.list("aliases", problems)) {
      String value = alias.value().strip();
      if (value.isEmpty() || value.length() > MAX_TITLE) {
        problems.add(
            Problem.error(
                path, alias.line(), "an alias must be 1 to " + MAX_TITLE + " characters"));
      } else {
        aliases.add(value);
      }
    }
    return aliases;
  }

  private List<String> related(String slug, Set<String> knownSlugs) {
    List<String> related = new ArrayList<>();
    for (YamlMap.Item item : yaml.list("related", problems)) {
      String target = item.value().strip();
      if (target.equals(slug)) {
        problems.add(Problem.warning(path, item.line(), "'related' lists the article itself"));
      } else if (!knownSlugs.contains(target)) {
        problems.add(
            Problem.error(
                path, item.line(), "'related' names '" + target + "', which is no article's slug"));
      } else if (!related.contains(target)) {
        related.add(target);
      }
    }
    return related;
  }

  private LocalDate updated() {
    Optional<String> text = yaml.text("updated", problems);
    if (text.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(text.get().strip());
    } catch (DateTimeParseException e) {
      problems.add(
          Problem.error(
              path, yaml.lineOf("updated"), "'updated' must be an ISO date like 2026-11-20"));
      return null;
    }
  }

  /** {@code reviewed: 2026-11-30 by A. Name, PhD}: the date, then who reviewed the article. */
  private FrontMatter.Review review() {
    Optional<String> text = yaml.text("reviewed", problems);
    if (text.isEmpty()) {
      return null;
    }
    Matcher matcher = REVIEW.matcher(text.get().strip());
    if (matcher.matches()) {
      try {
        return new FrontMatter.Review(LocalDate.parse(matcher.group(1)), matcher.group(2).strip());
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    problems.add(
        Problem.error(
            path,
            yaml.lineOf("reviewed"),
            "'reviewed' must be a date and a name, like '2026-11-30 by A. Reviewer, LPC'"));
    return null;
  }

  private boolean draft() {
    Optional<String> text = yaml.text("draft", problems);
    if (text.isEmpty()) {
      return false;
    }
    return switch (text.get().strip()) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> {
        problems.add(Problem.error(path, yaml.lineOf("draft"), "'draft' must be true or false"));
        yield false;
      }
    };
  }

  private String required(String key, int maxLength) {
    if (!yaml.has(key)) {
      problems.add(Problem.error(path, yaml.lineOf(key), "missing required field '" + key + "'"));
      return "";
    }
    String value = yaml.text(key, problems).orElse("").strip();
    if (value.isEmpty()) {
      problems.add(Problem.error(path, yaml.lineOf(key), "'" + key + "' must not be empty"));
    } else if (value.length() > maxLength) {
      problems.add(
          Problem.error(
              path, yaml.lineOf(key), "'" + key + "' is longer than " + maxLength + " characters"));
    } else if (value.chars().anyMatch(c -> c < 0x20)) {
      problems.add(
          Problem.error(path, yaml.lineOf(key), "'" + key + "' contains control characters"));
    } else if ((key.equals("title") || key.equals("summary")) && MARKUP.matcher(value).matches()) {
      problems.add(
          Problem.warning(
              path, yaml.lineOf(key), "'" + key + "' contains markup; it is shown as plain text"));
    }
    return value;
  }
}
