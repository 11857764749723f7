package org.rapportkb.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.rapportkb.check.Problem;
import org.rapportkb.check.YamlMap;
import org.rapportkb.practice.SkillPractice;

/**
 * Reads one article file: splits and validates the front matter, checks the body's sections and
 * renders it. Every problem names the file, the line and the field.
 */
public final class ArticleParser {
  /** The body sections of CONTRACT.md, in order. */
  public static final List<String> SECTIONS =
      List.of(
          "What it is",
          "Why it matters",
          "How to do it",
          "Example",
          "Common pitfalls",
          "Practice",
          "Sources");

  /** Files larger than this are refused rather than parsed. */
  public static final int MAX_BYTES = 512 * 1024;

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

  private final MarkdownRenderer renderer;
  private final Set<String> categories;

  /**
   * @param categories the category slugs an article may use
   */
  public ArticleParser(MarkdownRenderer renderer, Set<String> categories) {
    this.renderer = renderer;
    this.categories = Set.copyOf(categories);
  }

  /** The result of parsing one file: the article when it is valid, and every problem found. */
  public record Result(Optional<Article> article, List<Problem> problems) {}

  /**
   * Parses and validates one file.
   *
   * @param knownSlugs every slug in the articles folder, to check {@code related}
   */
  public Result parse(ArticleFile file, byte[] bytes, Set<String> knownSlugs) {
    List<Problem> problems = new ArrayList<>();
    String path = file.path();
    if (bytes.length > MAX_BYTES) {
      problems.add(
          Problem.error(path, 1, "file is larger than " + MAX_BYTES / 1024 + " KB; split it up"));
      return new Result(Optional.empty(), problems);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    text = text.replace("\r\n", "\n");
    String[] lines = text.split("\n", -1);
    if (lines.length == 0 || !lines[0].strip().equals("---")) {
      problems.add(
          Problem.error(path, 1, "missing front matter: the file must start with a '---' line"));
      return new Result(Optional.empty(), problems);
    }
    int close = -1;
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.equals("---") || line.equals("...")) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      problems.add(Problem.error(path, 1, "front matter is not closed by a '---' line"));
      return new Result(Optional.empty(), problems);
    }
    String yaml = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, close));
    Optional<YamlMap> fields = YamlMap.parse(path, yaml, 2, problems);
    if (fields.isEmpty()) {
      return new Result(Optional.empty(), problems);
    }
    Optional<FrontMatter> meta = readFrontMatter(fields.get(), file.slug(), knownSlugs, problems);
    int bodyLine = close + 2;
    String body = String.join("\n", java.util.Arrays.copyOfRange(lines, close + 1, lines.length));
    Node document;
    try {
      document = renderer.parse(body);
    } catch (StackOverflowError e) {
      problems.add(Problem.error(path, bodyLine, "the Markdown is nested too deeply to render"));
      return new Result(Optional.empty(), problems);
    }
    Optional<RenderedBody> rendered = renderBody(path, document, bodyLine, problems);
    SkillPractice practice = PracticeReader.read(path, file.slug(), document, bodyLine, problems);
    if (meta.isEmpty() || rendered.isEmpty() || problems.stream().anyMatch(Problem::isError)) {
      return new Result(Optional.empty(), problems);
    }
    return new Result(
        Optional.of(
            new Article(file.slug(), path, hash(bytes), meta.get(), rendered.get(), practice)),
        problems);
  }

  private Optional<FrontMatter> readFrontMatter(
      YamlMap yaml, String slug, Set<String> knownSlugs, List<Problem> problems) {
    String path = yaml.path();
    int before = problems.size();
    for (String key : yaml.keys()) {
      if (!FIELDS.contains(key)) {
        problems.add(
            Problem.warning(
                path,
                yaml.lineOf(key),
                "unknown field '"
                    + key
                    + "' (known: "
                    + String.join(", ", FIELDS.stream().sorted().toList())
                    + ")"));
      }
    }
    String title = required(yaml, "title", MAX_TITLE, problems);
    String summary = required(yaml, "summary", MAX_SUMMARY, problems);
    String category = required(yaml, "category", 100, problems);
    if (!category.isEmpty() && !categories.contains(category)) {
      problems.add(
          Problem.error(
              path,
              yaml.lineOf("category"),
              "unknown category '"
                  + category
                  + "' (known: "
                  + String.join(", ", categories.stream().sorted().toList())
                  + ")"));
    }
    String levelText = required(yaml, "level", 100, problems);
    Optional<Level> level = Level.parse(levelText);
    if (!levelText.isEmpty() && level.isEmpty()) {
      problems.add(
          Problem.error(
              path,
              yaml.lineOf("level"),
              "unknown level '" + levelText + "' (use " + Level.allSlugs() + ")"));
    }
    Integer order = null;
    Optional<String> orderText = yaml.text("order", problems);
    if (orderText.isPresent()) {
      try {
        order = Integer.valueOf(orderText.get().strip());
        if (order < 0) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        problems.add(
            Problem.error(path, yaml.lineOf("order"), "'order' must be a whole number 0 or more"));
        order = null;
      }
    }
    List<String> tags = new ArrayList<>();
    for (YamlMap.Item tag : yaml.list("tags", problems)) {
      if (Slugs.isValid(tag.value())) {
        if (!tags.contains(tag.value())) {
          tags.add(tag.value());
        }
      } else {
        problems.add(
            Problem.error(
                path,
                tag.line(),
                "tag '"
                    + tag.value()
                    + "' must be lowercase and hyphenated, like '"
                    + Slugs.fromTitle(tag.value())
                    + "'"));
      }
    }
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
    LocalDate updated = null;
    Optional<String> updatedText = yaml.text("updated", problems);
    if (updatedText.isPresent()) {
      try {
        updated = LocalDate.parse(updatedText.get().strip());
      } catch (DateTimeParseException e) {
        problems.add(
            Problem.error(
                path, yaml.lineOf("updated"), "'updated' must be an ISO date like 2026-11-20"));
      }
    }
    FrontMatter.Review reviewed = readReview(yaml, problems);
    boolean draft = false;
    Optional<String> draftText = yaml.text("draft", problems);
    if (draftText.isPresent()) {
      switch (draftText.get().strip()) {
        case "true", "yes" -> draft = true;
        case "false", "no" -> draft = false;
        default ->
            problems.add(
                Problem.error(path, yaml.lineOf("draft"), "'draft' must be true or false"));
      }
    }
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

  /** {@code reviewed: 2026-11-30 by A. Name, PhD}: the date, then who reviewed the article. */
  private static FrontMatter.Review readReview(YamlMap yaml, List<Problem> problems) {
    Optional<String> text = yaml.text("reviewed", problems);
    if (text.isEmpty()) {
      return null;
    }
    java.util.regex.Matcher matcher =
        java.util.regex.Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\s+by\\s+(\\S.{0,199})")
            .matcher(text.get().strip());
    if (matcher.matches()) {
      try {
        return new FrontMatter.Review(LocalDate.parse(matcher.group(1)), matcher.group(2).strip());
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    problems.add(
        Problem.error(
            yaml.path(),
            yaml.lineOf("reviewed"),
            "'reviewed' must be a date and a name, like '2026-11-30 by A. Reviewer, LPC'"));
    return null;
  }

  private static String required(YamlMap yaml, String key, int maxLength, List<Problem> problems) {
    if (!yaml.has(key)) {
      problems.add(
          Problem.error(yaml.path(), yaml.lineOf(key), "missing required field '" + key + "'"));
      return "";
    }
    String value = yaml.text(key, problems).orElse("").strip();
    if (value.isEmpty()) {
      problems.add(Problem.error(yaml.path(), yaml.lineOf(key), "'" + key + "' must not be empty"));
    } else if (value.length() > maxLength) {
      problems.add(
          Problem.error(
              yaml.path(),
              yaml.lineOf(key),
              "'" + key + "' is longer than " + maxLength + " characters"));
    } else if (value.chars().anyMatch(c -> c < 0x20)) {
      problems.add(
          Problem.error(
              yaml.path(), yaml.lineOf(key), "'" + key + "' contains control characters"));
    } else if ((key.equals("title") || key.equals("summary"))
        && value.matches("(?s).*<[a-zA-Z/!].*")) {
      problems.add(
          Problem.warning(
              yaml.path(),
              yaml.lineOf(key),
              "'" + key + "' contains markup; it is shown as plain text"));
    }
    return value;
  }

  private Optional<RenderedBody> renderBody(
      String path, Node document, int bodyLine, List<Problem> problems) {
    RenderedBody rendered;
    try {
      rendered = renderer.render(document);
    } catch (StackOverflowError e) {
      problems.add(Problem.error(path, bodyLine, "the Markdown is nested too deeply to render"));
      return Optional.empty();
    }
    checkSections(path, document, bodyLine, problems);
    return Optional.of(rendered);
  }

  private static void checkSections(
      String path, Node document, int bodyLine, List<Problem> problems) {
    int expected = 0;
    List<String> seen = new ArrayList<>();
    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
      if (!(node instanceof Heading heading)) {
        continue;
      }
      int line =
          bodyLine
              + (node.getSourceSpans().isEmpty() ? 0 : node.getSourceSpans().get(0).getLineIndex());
      if (heading.getLevel() == 1) {
        problems.add(
            Problem.warning(
                path, line, "use '## ' sections; the title comes from the front matter"));
        continue;
      }
      if (heading.getLevel() != 2) {
        continue;
      }
      String name = MarkdownRenderer.textOf(heading).strip();
      int index = SECTIONS.indexOf(name);
      if (index < 0) {
        problems.add(
            Problem.warning(
                path,
                line,
                "unexpected section '"
                    + name
                    + "' (sections: "
                    + String.join(", ", SECTIONS)
                    + ")"));
      } else if (seen.contains(name)) {
        problems.add(Problem.warning(path, line, "section '" + name + "' appears twice"));
      } else if (index < expected) {
        problems.add(
            Problem.warning(
                path,
                line,
                "section '" + name + "' should come before '" + SECTIONS.get(expected - 1) + "'"));
      } else {
        expected = index + 1;
      }
      seen.add(name);
    }
    for (String section : SECTIONS) {
      if (!seen.contains(section)) {
        problems.add(Problem.warning(path, bodyLine, "missing section '## " + section + "'"));
      }
    }
  }

  /** A hex SHA-256 digest of a file's bytes. */
  public static String hash(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
