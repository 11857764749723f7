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
import org.rapportkb.practice.Difficulty;
import org.rapportkb.practice.PracticeItem;
import org.rapportkb.practice.SkillPractice;

class ArticleParserTest {
  private static final MarkdownRenderer RENDERER = new MarkdownRenderer();
  private final ArticleParser parser =
      new ArticleParser(RENDERER, new Curriculum(List.of("empathy", "reflection")));

  /** The HTML a reader gets for an article's body. */
  private static String html(Article article) {
    return RENDERER.toHtml(article.body().markdown());
  }

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

      Respond with a reflection.

      Criteria:

      - Names the feeling
      - Ends as a statement
      - Gives no advice

      1. **Beginner.** "Why bother?"
         - Scene: A teenager at a school counseling office.
         - Response: "It feels pointless right now."
         - Response: "You're tired of trying."
         - Why: Both reflect the discouragement.

      2. **Intermediate.** "I guess it's fine. Whatever."
         - Response: "Fine, and not really fine."
         - Response: "You've stopped expecting much."

      3. **Advanced:** "Are you even qualified?"
         - Response: "You want to know who you're talking to."
         - Response: "It matters to you that I can help."

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
    ParsedBody body = article.body();
    assertEquals(List.of("Nobody understands me.", "Yes."), body.clientLines());
    String html = html(article);
    assertTrue(html.contains("<p class=\"turn turn-client\"><strong>Client:</strong>"));
    SkillPractice practice = article.practice();
    assertEquals("Respond with a reflection.", practice.instructions());
    assertEquals(
        List.of("Names the feeling", "Ends as a statement", "Gives no advice"),
        practice.criteria());
    assertEquals(3, practice.items().size());
    PracticeItem first = practice.items().get(0);
    assertEquals(Difficulty.BEGINNER, first.difficulty());
    assertEquals("Why bother?", first.client());
    assertEquals("A teenager at a school counseling office.", first.scene());
    assertEquals(
        List.of("It feels pointless right now.", "You're tired of trying."), first.responses());
    assertEquals("Both reflect the discouragement.", first.why());
    assertEquals(Difficulty.ADVANCED, practice.items().get(2).difficulty());
    assertEquals("Are you even qualified?", practice.items().get(2).client());
    assertEquals(7, body.headings().size());
    for (Heading heading : body.headings()) {
      assertTrue(html.contains("id=\"" + heading.id() + "\""), heading.toString());
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
  void theFrontMatterEndsAtItsFirstClosingLineInAnyLineEnding() {
    String front = "title: Sample\nsummary: A sample.\ncategory: empathy\nlevel: foundation\n";
    Article dots = parse("---\n" + front + "...  \n" + BODY).article().orElseThrow();
    Article windows =
        parse(("\uFEFF---\n" + front + "---\n" + BODY).replace("\n", "\r\n"))
            .article()
            .orElseThrow();
    assertEquals("Sample", dots.meta().title());
    assertEquals(dots.body(), windows.body());
    assertEquals(dots.practice(), windows.practice());
    Problem missing =
        parse("---\n" + front + "---\n").problems().stream()
            .filter(p -> p.message().contains("'## What it is'"))
            .findFirst()
            .orElseThrow();
    assertEquals(7, missing.line(), missing.toString());
    Problem heading = parse("---\n" + front + "---\n\n# Title\n").problems().get(0);
    assertEquals(8, heading.line(), heading.toString());
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
            .map(ArticleParserTest::html)
            .orElseThrow();
    assertFalse(html.contains("<script"), html);
    assertFalse(html.contains("<img"), html);
    assertFalse(html.contains("javascript:"), html);
    assertFalse(html.contains("data:text"), html);
    assertTrue(html.contains("href=\"https://example.org\""), html);
    assertTrue(html.contains("&lt;script&gt;"), html);
  }

  /** A practice section's heading and three criteria, for the tests that vary its items. */
  private static final String PRACTICE_WITH_CRITERIA =
      """
      ## Practice

      Criteria:

      - One
      - Two
      - Three

      """;

  private static final String FRONT =
      """
      ---
      title: Sample
      summary: A sample.
      category: empathy
      level: foundation
      ---
      """;

  /** The sample body with its practice section replaced by {@code practice}. */
  private ArticleParser.Result withPractice(String practice) {
    String body =
        BODY.substring(0, BODY.indexOf("## Practice"))
            + practice
            + "\n"
            + BODY.substring(BODY.indexOf("## Sources"));
    return parse(FRONT + body);
  }

  /** The line of {@code needle} in the article text {@link #withPractice} builds. */
  private static int lineOf(String practice, String needle) {
    String text = FRONT + BODY.substring(0, BODY.indexOf("## Practice")) + practice;
    return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
  }

  @Test
  void aPracticeItemWithoutADifficultyIsAnErrorOnItsLine() {
    String practice =
        PRACTICE_WITH_CRITERIA
            + """
        1. "Why bother?"
           - Response: "It feels pointless."
           - Response: "You're tired."
        """;
    ArticleParser.Result result = withPractice(practice);
    assertTrue(result.article().isEmpty());
    assertTrue(
        result.problems().stream()
            .anyMatch(
                p ->
                    p.isError()
                        && p.line() == lineOf(practice, "1. \"Why")
                        && p.message().contains("no difficulty")),
        result.problems().toString());
  }

  @Test
  void aPracticeItemNeedsTwoResponsesAndKnownLines() {
    String practice =
        PRACTICE_WITH_CRITERIA
            + """
        1. **Beginner.** "Why bother?"
           - Response: "It feels pointless."
           - Answer: "You're tired."
        """;
    ArticleParser.Result result = withPractice(practice);
    assertTrue(result.article().isEmpty());
    List<String> errors =
        result.problems().stream().filter(Problem::isError).map(Problem::toString).toList();
    assertTrue(
        errors.contains(
            "empathy/sample.md:"
                + lineOf(practice, "   - Answer")
                + ": error: unknown line 'Answer:' in a practice item (use 'Scene:', 'Response:' or"
                + " 'Why:')"),
        errors.toString());
    assertTrue(
        errors.stream()
            .anyMatch(
                e ->
                    e.startsWith("empathy/sample.md:" + lineOf(practice, "1. **Beginner") + ":")
                        && e.contains("1 model response;")),
        errors.toString());
  }

  @Test
  void practiceItemsWithoutCriteriaAreAnError() {
    String practice =
        """
        ## Practice

        1. **Beginner.** "Why bother?"
           - Response: "It feels pointless."
           - Response: "You're tired."
        """;
    ArticleParser.Result result = withPractice(practice);
    assertTrue(result.article().isEmpty());
    assertTrue(
        result.problems().stream()
            .anyMatch(
                p ->
                    p.isError()
                        && p.line() == lineOf(practice, "## Practice")
                        && p.message().startsWith("practice items need criteria")),
        result.problems().toString());
  }

  @Test
  void tooFewItemsOrAMissingDifficultyIsAWarning() {
    String practice =
        PRACTICE_WITH_CRITERIA
            + """
        1. **Beginner.** "Why bother?"
           - Response: "It feels pointless."
           - Response: "You're tired."
        """;
    ArticleParser.Result result = withPractice(practice);
    assertTrue(result.article().isPresent(), result.problems().toString());
    assertEquals(
        List.of(
            "empathy/sample.md:"
                + lineOf(practice, "## Practice")
                + ": warning: write at least 3 practice items, one at each difficulty (found 1;"
                + " none is intermediate or advanced)"),
        result.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void itemIdsFollowTheClientWordsNotTheResponses() {
    PracticeItem before = parse(FRONT + BODY).article().orElseThrow().practice().items().get(0);
    PracticeItem edited =
        parse(FRONT + BODY.replace("You're tired of trying.", "You've had enough."))
            .article()
            .orElseThrow()
            .practice()
            .items()
            .get(0);
    PracticeItem reworded =
        parse(FRONT + BODY.replace("\"Why bother?\"", "\"Why even bother?\""))
            .article()
            .orElseThrow()
            .practice()
            .items()
            .get(0);
    assertTrue(before.id().matches("sample-[0-9a-f]{8}"), before.id());
    assertEquals(before.id(), edited.id());
    assertFalse(before.id().equals(reworded.id()));
  }

  /** The sample article with {@code deep} added at the end of its first section. */
  private ArticleParser.Result withDeepMarkdown(String deep) {
    return parse(
        FRONT + BODY.replace("\n## Why it matters", "\n" + deep + "\n\n## Why it matters"));
  }

  /** The line {@code needle} starts on in the article {@link #withDeepMarkdown} builds. */
  private static int deepLineOf(String deep, String needle) {
    String text =
        FRONT + BODY.replace("\n## Why it matters", "\n" + deep + "\n\n## Why it matters");
    return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
  }

  @Test
  void quotesNestedToTheLimitAreReadAndRendered() {
    // document > 62 quotes > paragraph > text: the text sits 64 levels down, the limit
    String deep = "> ".repeat(MarkdownRenderer.MAX_NESTING - 2) + "still here";
    ArticleParser.Result result = withDeepMarkdown(deep);
    assertEquals(List.of(), result.problems());
    String html = html(result.article().orElseThrow());
    assertTrue(html.contains("still here"), html);
  }

  @Test
  void quotesNestedPastTheLimitAreRefusedOnTheirLine() {
    String deep = "> ".repeat(MarkdownRenderer.MAX_NESTING - 1) + "one level too deep";
    ArticleParser.Result result = withDeepMarkdown(deep);
    assertTrue(result.article().isEmpty());
    Problem nested = result.problems().get(0);
    assertTrue(nested.isError());
    assertTrue(nested.message().contains("more than 64 levels"), nested.toString());
    assertEquals(deepLineOf(deep, "> > "), nested.line(), nested.toString());
  }

  @Test
  void emphasisNestedPastTheLimitIsRefusedOnTheLineOfItsParagraph() {
    String deep = "A line first.\n" + "**".repeat(70) + "x" + "**".repeat(70);
    ArticleParser.Result result = withDeepMarkdown(deep);
    assertTrue(result.article().isEmpty());
    Problem nested = result.problems().get(0);
    assertTrue(nested.message().contains("levels deep"), nested.toString());
    assertEquals(deepLineOf(deep, "A line first."), nested.line(), nested.toString());
  }

  @Test
  void aMisstepLineIsMarkedAndIsNoClientLine() {
    String body =
        BODY.replace(
            "**Client:** Yes.",
            "**Client:** Yes.\n\n**Counselor (misstep):** Have you tried journaling?");
    Article article = parse(FRONT + body).article().orElseThrow();
    assertTrue(
        html(article)
            .contains(
                "<p class=\"turn turn-misstep\"><strong>Counselor (misstep):</strong> Have you tried"
                    + " journaling?</p>"),
        html(article));
    assertEquals(List.of("Nobody understands me.", "Yes."), article.body().clientLines());
    assertTrue(
        article.practice().items().stream()
            .flatMap(item -> item.responses().stream())
            .noneMatch(r -> r.contains("journaling")));
  }
}
