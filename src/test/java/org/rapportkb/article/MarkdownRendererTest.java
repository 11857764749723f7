package org.rapportkb.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
  private final MarkdownRenderer renderer = new MarkdownRenderer();

  /**
   * Indexing parses without autolinking; what it reads from every bundled article must be what the
   * page's parse, with autolinking, would give.
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
      String markdown = Files.readString(file, StandardCharsets.UTF_8);
      ParsedBody read = renderer.read(markdown, renderer.parse(markdown));
      ParsedBody page = renderer.read(markdown, renderer.parseForPage(markdown));
      assertEquals(page, read, file.toString());
      if (renderer.toHtml(markdown).contains("<a href=\"https://doi.org/")) {
        withBareUrls++;
      }
    }
    assertTrue(withBareUrls > 10, "bare URLs in the sources become links on the page");
  }

  @Test
  void aBareUrlBecomesALinkOnThePageAndStaysPlainTextInTheIndex() {
    String markdown = "See https://doi.org/10.1037/h0085885 for the paper.\n";
    String html = renderer.toHtml(markdown);
    assertTrue(html.contains("<a href=\"https://doi.org/10.1037/h0085885\""), html);
    assertTrue(html.contains(">https://doi.org/10.1037/h0085885</a> for the paper."), html);
    ParsedBody read = renderer.read(markdown, renderer.parse(markdown));
    assertEquals("See https://doi.org/10.1037/h0085885 for the paper.", read.text());
    assertFalse(read.text().contains("<a"));
  }
}
