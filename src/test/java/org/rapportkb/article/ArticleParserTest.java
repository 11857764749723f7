package org.rapportkb.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rapportkb.check.Problem;

class ArticleParserTest {
  private final ArticleParser parser =
      new ArticleParser(new MarkdownRenderer(), Set.of("empathy", "reflection"));

  private ArticleParser.Result parse(String text) {
    ArticleFile file = new ArticleFile("sample", Path.of("sample.md"), "empathy/sample.md");
    return parser.parse(file, text.getBytes(StandardCharsets.UTF_8), Set.of("sample", "empathy"));
  }

  private static final String BODY =
      """

      ## What it is

      Text with **bold** and a [link](https://example.org).

      ## Why it matters

      Because.

      ## How to do it

      1. Listen.

      ## Example

      **Client:** Nobody understands me.

      **Counselor:** It feels lonely.

      **Client:** Yes.

      ## Common pitfalls

      - Rushing.

      ## Practice

      1. "Why bother?"

      ## Sources

      - Rogers, C. R. (1961). On Becoming a Person. Houghton Mifflin.
      """;

  @Test
  void aValidArticleIsParsedAndRendered() {
    ArticleParser.Result result =
        parse(
            """
            ---
            title: Sample
            summary: A sample.
            category: empathy
            level: foundation
            tags: [listening, core-conditions]
            aliases: [example]
            related: [empathy]
            updated: 2026-11-20
            ---
            """
                + BODY);
    assertEquals(List.of(), result.problems());
    Article article = result.article().orElseThrow();
    assertEquals("Sample", article.meta().title());
    assertEquals(Level.FOUNDATION, article.meta().level());
    assertEquals(List.of("empathy"), article.meta().related());
    RenderedBody body = article.body();
    assertEquals(List.of("Nobody understands me.", "Yes."), body.clientLines());
    assertEquals(
        List.of(new Exchange("Nobody understands me.", "It feels lonely.")), body.exchanges());
    assertEquals(7, body.headings().size());
    for (Heading heading : body.headings()) {
      assertTrue(body.html().contains("id=\"" + heading.id() + "\""), heading.toString());
    }
    assertFalse(body.text().contains("**"));
    assertFalse(body.text().contains("]("));
    assertTrue(body.text().contains("Text with bold and a link."));
  }

  @Test
  void problemsNameTheLineAndField() {
    ArticleParser.Result result =
        parse(
            """
            ---
            title: ""
            summary: Fine.
            category: feelings
            level: expert
            tags: [Bad Tag]
            related: [missing-one]
            updated: 20-11-2026
            colour: blue
            ---
            """
                + BODY);
    assertTrue(result.article().isEmpty());
    List<String> lines = result.problems().stream().map(Problem::toString).toList();
    assertTrue(
        lines.contains("empathy/sample.md:2: error: 'title' must not be empty"), lines.toString());
    assertTrue(
        lines.stream()
            .anyMatch(l -> l.startsWith("empathy/sample.md:4: error: unknown category 'feelings'")),
        lines.toString());
    assertTrue(
        lines.stream()
            .anyMatch(l -> l.startsWith("empathy/sample.md:5: error: unknown level 'expert'")),
        lines.toString());
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("empathy/sample.md:6: error: tag 'Bad Tag'")),
        lines.toString());
    assertTrue(
        lines.stream()
            .anyMatch(
                l -> l.startsWith("empathy/sample.md:7: error: 'related' names 'missing-one'")),
        lines.toString());
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("empathy/sample.md:8: error: 'updated'")),
        lines.toString());
    assertTrue(
        lines.stream()
            .anyMatch(l -> l.startsWith("empathy/sample.md:9: warning: unknown field 'colour'")),
        lines.toString());
  }

  @Test
  void brokenFrontMatterIsAnErrorNotACrash() {
    assertEquals(
        "empathy/sample.md:1: error: missing front matter: the file must start with a '---' line",
        parse("# Just markdown\n").problems().get(0).toString());
    assertTrue(parse("---\ntitle: x\n").problems().get(0).message().contains("not closed"));
    Problem yaml = parse("---\ntitle: [unclosed\n---\n").problems().get(0);
    assertTrue(yaml.isError() && yaml.message().startsWith("invalid YAML"), yaml.toString());
    Problem twice = parse("---\ntitle: a\ntitle: b\n---\n").problems().get(0);
    assertEquals(3, twice.line());
  }

  @Test
  void missingAndMisorderedSectionsAreWarnings() {
    ArticleParser.Result result =
        parse(
            """
            ---
            title: Sample
            summary: A sample.
            category: empathy
            level: foundation
            ---

            ## Why it matters

            x

            ## What it is

            y
            """);
    assertTrue(result.article().isPresent(), "warnings do not keep an article out");
    List<String> messages = result.problems().stream().map(Problem::message).toList();
    assertTrue(
        messages.contains("section 'What it is' should come before 'Why it matters'"),
        messages.toString());
    assertTrue(messages.contains("missing section '## Sources'"), messages.toString());
    assertTrue(result.problems().stream().noneMatch(Problem::isError));
  }

  @Test
  void rawHtmlIsEscapedAndDangerousLinksAreRemoved() {
    String html =
        parse(
                """
                ---
                title: Sample
                summary: A sample.
                category: empathy
                level: foundation
                ---

                <script>alert(1)</script>

                <img src=x onerror=alert(1)>

                [click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [ok](https://example.org)
                """)
            .article()
            .orElseThrow()
            .body()
            .html();
    assertFalse(html.contains("<script"), html);
    assertFalse(html.contains("<img"), html);
    assertFalse(html.contains("javascript:"), html);
    assertFalse(html.contains("data:text"), html);
    assertTrue(html.contains("href=\"https://example.org\""), html);
    assertTrue(html.contains("&lt;script&gt;"), html);
  }
}
