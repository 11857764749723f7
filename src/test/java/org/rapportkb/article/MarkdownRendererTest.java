package org.rapportkb.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.junit.jupiter.api.Test;
import org.rapportkb.check.Problem;
import org.rapportkb.config.ConfigLoader;
import org.rapportkb.practice.SkillPractice;

class MarkdownRendererTest {
  private final MarkdownRenderer renderer = new MarkdownRenderer();

  /**
   * Indexing parses bodies without autolinking; from every bundled article it must read the same
   * text, outline, dialogue, practice and section problems as the page's parse, which turns bare
   * URLs into links, would give.
   */
  @Test
  void readingWithoutAutolinksReadsWhatThePageShows() throws Exception {
    ArticleFolder folder =
        new ArticleFolder(
            Path.of("articles"),
            new ArticleParser(renderer, ConfigLoader.load(Path.of("index-config")).curriculum()));
    List<Article> articles = new ArrayList<>();
    folder.forEach(folder.scan(), 1, found -> found.read().article().ifPresent(articles::add));
    assertTrue(articles.size() > 40, "the bundled articles are read");
    int withBareUrls = 0;
    for (Article article : articles) {
      String body = article.body().markdown();
      Node page = renderer.parseForPage(body);
      assertEquals(renderer.read(body, page), article.body(), article.path());
      assertEquals(practice(article, page), article.practice(), article.path());
      Node reading = renderer.parseForReading(body);
      assertEquals(sectionProblems(page), sectionProblems(reading), article.path());
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

  /** The practice items {@code article}'s reading would give from {@code document}. */
  private static SkillPractice practice(Article article, Node document) {
    return PracticeReader.read(article.path(), article.slug(), document, 1, new ArrayList<>());
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
