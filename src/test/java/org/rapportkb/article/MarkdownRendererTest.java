package org.rapportkb.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.junit.jupiter.api.Test;
import org.rapportkb.check.Problem;
import org.rapportkb.practice.SkillPractice;

class MarkdownRendererTest {
  private final MarkdownRenderer renderer = new MarkdownRenderer();

  /**
   * Indexing parses bodies without autolinking; from every bundled article it must read the same
   * text, outline, dialogue, practice and section problems as from the page's parse, which turns
   * bare URLs into links.
   */
  @Test
  void readingWithoutAutolinksReadsWhatThePageShows() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("articles"))) {
      files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    assertTrue(files.size() > 40, "the bundled articles are found");
    int withBareUrls = 0;
    for (Path file : files) {
      String body = body(Files.readString(file, StandardCharsets.UTF_8));
      Node reading = renderer.parseForReading(body);
      Node page = renderer.parseForPage(body);
      String name = file.toString();
      assertEquals(renderer.read(body, page), renderer.read(body, reading), name);
      assertEquals(practice(page), practice(reading), name);
      assertEquals(sectionProblems(page), sectionProblems(reading), name);
      if (links(page) > links(reading)) {
        withBareUrls++;
      }
    }
    assertTrue(withBareUrls > 10, "bare URLs in the sources become links on the page only");
  }

  @Test
  void aBareUrlIsALinkOnThePageAndTextWhenRead() {
    String markdown = "See https://doi.org/10.1037/h0085885 for the paper.\n";
    assertEquals(0, links(renderer.parseForReading(markdown)));
    assertEquals(1, links(renderer.parseForPage(markdown)));
    String html = renderer.toHtml(markdown);
    assertTrue(html.contains("<a href=\"https://doi.org/10.1037/h0085885\""), html);
    assertTrue(html.contains(">https://doi.org/10.1037/h0085885</a> for the paper."), html);
    ParsedBody read = renderer.read(markdown, renderer.parseForReading(markdown));
    assertEquals("See https://doi.org/10.1037/h0085885 for the paper.", read.text());
  }

  @Test
  void aBodyTooDeepToWalkIsShownAsTextNotRendered() {
    String markdown = "> ".repeat(5_000) + "*deep* <b>x</b>\n";
    String html = renderer.toHtml(markdown);
    assertTrue(html.startsWith("<pre><code>"), html.substring(0, 40));
    assertTrue(html.contains("&gt; &gt; &gt;"), html.substring(0, 80));
    assertTrue(html.contains("*deep* &lt;b&gt;x&lt;/b&gt;"), html.substring(html.length() - 80));
    assertFalse(html.contains("<blockquote>"));
  }

  /** The body of an article file: what follows the front matter's closing line. */
  private static String body(String file) {
    int close = file.indexOf("\n---\n", 4);
    assertTrue(file.startsWith("---\n") && close > 0, "front matter found");
    return file.substring(close + 5);
  }

  private static SkillPractice practice(Node document) {
    return PracticeReader.read("a.md", "a", document, 1, new ArrayList<>());
  }

  private static List<Problem> sectionProblems(Node document) {
    List<Problem> problems = new ArrayList<>();
    SectionRules.check("a.md", document, 1, problems);
    return problems;
  }

  private static int links(Node document) {
    int[] count = {0};
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Link link) {
            count[0]++;
            visitChildren(link);
          }
        });
    return count[0];
  }
}
