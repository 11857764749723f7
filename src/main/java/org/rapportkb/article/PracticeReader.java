package org.rapportkb.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.rapportkb.check.Problem;
import org.rapportkb.practice.Difficulty;
import org.rapportkb.practice.PracticeItem;
import org.rapportkb.practice.SkillPractice;

/**
 * Reads the practice items and criteria of an article's {@code ## Practice} section (the form
 * AUTHORING.md describes), reporting each mistake with its line.
 */
final class PracticeReader {
  static final String SECTION = "Practice";
  private static final Pattern CRITERIA_LABEL =
      Pattern.compile("(?i)criteria( for a good response)?\\s*:?");
  private static final Pattern LABELLED = Pattern.compile("(?s)([A-Za-z]+)\\s*:\\s*(.*)");
  private static final int MIN_CRITERIA = 3;
  private static final int MAX_CRITERIA = 5;
  private static final int MIN_ITEMS = 3;

  private final String path;
  private final String slug;
  private final int bodyLine;
  private final List<Problem> problems;

  private PracticeReader(String path, String slug, int bodyLine, List<Problem> problems) {
    this.path = path;
    this.slug = slug;
    this.bodyLine = bodyLine;
    this.problems = problems;
  }

  /**
   * The practice of a parsed body; problems are added to {@code problems}.
   *
   * @param bodyLine the file line the body starts on
   */
  static SkillPractice read(
      String path, String slug, Node document, int bodyLine, List<Problem> problems) {
    return new PracticeReader(path, slug, bodyLine, problems).read(document);
  }

  /** A stable id for an item: the article's slug and a digest of the client's words. */
  static String itemId(String slug, String client) {
    String words = WhiteSpace.collapse(client.strip());
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(words.getBytes(StandardCharsets.UTF_8));
      return slug + "-" + HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private SkillPractice read(Node document) {
    Heading heading = practiceHeading(document);
    if (heading == null) {
      return SkillPractice.NONE;
    }
    List<String> criteria = new ArrayList<>();
    List<PracticeItem> items = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    StringBuilder instructions = new StringBuilder();
    boolean criteriaNext = false;
    boolean criteriaSeen = false;
    for (Node node = heading.getNext(); node != null && !endsSection(node); node = node.getNext()) {
      if (node instanceof Paragraph paragraph
          && CRITERIA_LABEL.matcher(MarkdownRenderer.textOf(paragraph).strip()).matches()) {
        criteriaNext = true;
        criteriaSeen = true;
      } else if (node instanceof BulletList list && criteriaNext) {
        for (Node child = list.getFirstChild(); child != null; child = child.getNext()) {
          String criterion = MarkdownRenderer.textOf(child).strip();
          if (!criterion.isEmpty()) {
            criteria.add(criterion);
          }
        }
        criteriaNext = false;
      } else if (node instanceof OrderedList list) {
        criteriaNext = false;
        for (Node child = list.getFirstChild(); child != null; child = child.getNext()) {
          if (child instanceof ListItem listItem) {
            item(listItem).ifPresent(item -> addItem(item, listItem, ids, items));
          }
        }
      } else {
        if (node instanceof Paragraph && !criteriaSeen && items.isEmpty()) {
          instructions.append(instructions.isEmpty() ? "" : " ");
          instructions.append(WhiteSpace.collapse(MarkdownRenderer.textOf(node).strip()));
        }
        criteriaNext = false;
      }
    }
    int at = lineOf(heading);
    if (!items.isEmpty() && criteria.isEmpty()) {
      problems.add(
          Problem.error(
              path,
              at,
              criteriaSeen
                  ? "the 'Criteria:' line must be followed by a bulleted list of "
                      + MIN_CRITERIA
                      + " to "
                      + MAX_CRITERIA
                      + " criteria"
                  : "practice items need criteria: add a 'Criteria:' line followed by a bulleted"
                      + " list of "
                      + MIN_CRITERIA
                      + " to "
                      + MAX_CRITERIA
                      + " things a good response does"));
    } else if (!criteria.isEmpty()
        && (criteria.size() < MIN_CRITERIA || criteria.size() > MAX_CRITERIA)) {
      problems.add(
          Problem.warning(
              path,
              at,
              "list "
                  + MIN_CRITERIA
                  + " to "
                  + MAX_CRITERIA
                  + " criteria (found "
                  + criteria.size()
                  + ")"));
    }
    coverage(items, at);
    return new SkillPractice(instructions.toString(), criteria, items);
  }

  private void addItem(PracticeItem item, ListItem node, Set<String> ids, List<PracticeItem> out) {
    if (ids.add(item.id())) {
      out.add(item);
    } else {
      problems.add(
          Problem.error(
              path, lineOf(node), "this client statement is already a practice item above"));
    }
  }

  private void coverage(List<PracticeItem> items, int at) {
    EnumSet<Difficulty> missing = EnumSet.allOf(Difficulty.class);
    items.forEach(item -> missing.remove(item.difficulty()));
    if (items.size() < MIN_ITEMS || !missing.isEmpty()) {
      String lacking =
          missing.isEmpty()
              ? ""
              : "; none is " + String.join(" or ", missing.stream().map(Difficulty::slug).toList());
      problems.add(
          Problem.warning(
              path,
              at,
              "write at least "
                  + MIN_ITEMS
                  + " practice items, one at each difficulty (found "
                  + items.size()
                  + lacking
                  + ")"));
    }
  }

  private Optional<PracticeItem> item(ListItem node) {
    int line = lineOf(node);
    Node first = node.getFirstChild();
    if (!(first instanceof Paragraph opening)) {
      problems.add(Problem.error(path, line, "a practice item must start with the client's words"));
      return Optional.empty();
    }
    Optional<Difficulty> difficulty = Optional.empty();
    String openingText = MarkdownRenderer.textOf(opening).strip();
    String client = openingText;
    if (opening.getFirstChild() instanceof StrongEmphasis label) {
      String labelText = MarkdownRenderer.textOf(label).strip();
      difficulty = Difficulty.parse(withoutTrailingMarks(labelText));
      if (difficulty.isPresent()) {
        client = withoutLeadingMarks(openingText.substring(labelText.length()));
      }
    }
    boolean ok = true;
    if (difficulty.isEmpty()) {
      problems.add(
          Problem.error(
              path,
              line,
              "practice item has no difficulty: start it with **Beginner.**, **Intermediate.** or"
                  + " **Advanced.**"));
      ok = false;
    }
    client = unquote(client);
    if (client.isEmpty()) {
      problems.add(Problem.error(path, line, "practice item has no client statement"));
      ok = false;
    }
    String scene = "";
    String why = "";
    List<String> responses = new ArrayList<>();
    for (Labelled part : parts(first.getNext())) {
      switch (part.label()) {
        case "scene" -> scene = part.text();
        case "response" -> responses.add(unquote(part.text()));
        case "why" -> why = part.text();
        default -> {
          problems.add(
              Problem.error(
                  path,
                  part.line(),
                  "unknown line '"
                      + part.raw()
                      + "' in a practice item (use 'Scene:', 'Response:' or 'Why:')"));
          ok = false;
        }
      }
    }
    responses.removeIf(String::isEmpty);
    if (responses.size() < 2) {
      problems.add(
          Problem.error(
              path,
              line,
              "practice item has "
                  + responses.size()
                  + " model response"
                  + (responses.size() == 1 ? "" : "s")
                  + "; write at least two 'Response:' lines that take different approaches"));
      ok = false;
    }
    if (!ok) {
      return Optional.empty();
    }
    return Optional.of(
        new PracticeItem(
            itemId(slug, client), difficulty.orElseThrow(), scene, client, responses, why));
  }

  /** A "Label: text" line under an item. */
  private record Labelled(String label, String text, String raw, int line) {}

  private List<Labelled> parts(Node from) {
    List<Labelled> parts = new ArrayList<>();
    for (Node node = from; node != null; node = node.getNext()) {
      if (node instanceof BulletList || node instanceof OrderedList) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
          parts.add(labelled(child));
        }
      } else {
        parts.add(labelled(node));
      }
    }
    return parts;
  }

  private Labelled labelled(Node node) {
    String text = MarkdownRenderer.textOf(node).strip();
    Matcher matcher = LABELLED.matcher(text);
    String raw = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    if (!matcher.matches()) {
      return new Labelled("", text, raw, lineOf(node));
    }
    return new Labelled(
        matcher.group(1).toLowerCase(Locale.ROOT),
        WhiteSpace.collapse(matcher.group(2).strip()),
        matcher.group(1) + ":",
        lineOf(node));
  }

  private static Heading practiceHeading(Node document) {
    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Heading heading
          && heading.getLevel() == 2
          && MarkdownRenderer.textOf(heading).strip().equalsIgnoreCase(SECTION)) {
        return heading;
      }
    }
    return null;
  }

  private static boolean endsSection(Node node) {
    return node instanceof Heading heading && heading.getLevel() <= 2;
  }

  /** The text without one pair of surrounding quote marks. */
  static String unquote(String text) {
    String t = WhiteSpace.collapse(text.strip());
    if (t.length() >= 2 && isQuote(t.charAt(0)) && isQuote(t.charAt(t.length() - 1))) {
      String inner = t.substring(1, t.length() - 1);
      if (inner.indexOf('"') < 0) {
        return inner.strip();
      }
    }
    return t;
  }

  /** A difficulty label without the periods and colons that end it ({@code [.:]+$}). */
  private static String withoutTrailingMarks(String label) {
    int end = label.length();
    while (end > 0 && isMark(label.charAt(end - 1))) {
      end--;
    }
    return label.substring(0, end);
  }

  /** The client's words after their label, without the leading {@code [\s.:]+}. */
  private static String withoutLeadingMarks(String text) {
    int start = 0;
    while (start < text.length()
        && (isMark(text.charAt(start)) || WhiteSpace.isSpace(text.charAt(start)))) {
      start++;
    }
    return text.substring(start);
  }

  private static boolean isMark(char c) {
    return c == '.' || c == ':';
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\u201c' || c == '\u201d';
  }

  private int lineOf(Node node) {
    return MarkdownRenderer.lineOf(node, bodyLine);
  }
}
