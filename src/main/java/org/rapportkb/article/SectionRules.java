package org.rapportkb.article;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.rapportkb.check.Problem;

/**
 * The body sections of an article, in the order CONTRACT.md gives, and the warnings when it strays.
 *
 * <p>A section out of place never keeps an article from being published.
 */
public final class SectionRules {
  /** The body sections, in order. */
  public static final List<String> SECTIONS =
      List.of(
          "What it is",
          "Why it matters",
          "How to do it",
          "Example",
          "Common pitfalls",
          "Practice",
          "Sources");

  private SectionRules() {}

  /**
   * Adds a warning to {@code problems} for each level 1 heading, unknown, repeated or misplaced
   * section, and for each missing one.
   *
   * @param bodyLine the file line the body starts on
   */
  static void check(String path, Node document, int bodyLine, List<Problem> problems) {
    int expected = 0;
    List<String> seen = new ArrayList<>();
    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
      if (!(node instanceof Heading heading)) {
        continue;
      }
      int line = MarkdownRenderer.lineOf(node, bodyLine);
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
}
