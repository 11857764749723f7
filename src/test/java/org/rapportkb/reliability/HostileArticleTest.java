package org.rapportkb.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.cli.Main;
import org.rapportkb.config.ConfigException;
import org.rapportkb.index.IndexReport;
import org.rapportkb.index.ProgressListener;
import org.rapportkb.json.Json;
import org.rapportkb.library.ArticleDetail;
import org.rapportkb.library.PracticeCard;
import org.rapportkb.practice.Difficulty;
import org.rapportkb.search.SearchHit;
import org.rapportkb.search.SearchRequest;
import org.rapportkb.search.SearchResponse;
import org.rapportkb.search.Suggestion;

/**
 * Articles written to attack readers: script, event handlers, script and data URLs in every
 * spelling, frames, SVG and markup in the front matter. Nothing executable may reach the article
 * HTML or the search snippets; titles, summaries, aliases, suggestions and practice lines stay
 * plain text (escaped by whoever shows them), and {@code check} names each problem.
 */
class HostileArticleTest {
  static final String TITLE = "Hostile <script>alert('pwned')</script> title";
  static final String SUMMARY = "<img src=x onerror=alert('pwned')> Listening summary with markup.";
  static final String SVG_ALIAS = "<svg onload=alert('pwned')>";
  static final String QUOTE_ALIAS = "\"><script>alert(1)</script>";

  /** Every way of sneaking script into Markdown that the renderer must neutralize. */
  static final String PAYLOADS =
      """
      <script>alert('pwned')</script>

      <div onclick="alert('pwned')">click me</div>

      <img src=x onerror="alert('pwned')">

      Inline <span onmouseover="alert('pwned')">hover</span> and <b onclick=alert('pwned')>bold</b>.

      [js link](javascript:alert('pwned'))

      [mixed case](JaVaScRiPt:alert('pwned'))

      [spaced](<  javascript:alert('pwned')>)

      [vb link](vbscript:msgbox('pwned'))

      [data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgncHduZWQnKTwvc2NyaXB0Pg==)

      [entity link](java&#115;cript:alert('pwned'))

      [hex entity link](&#x6A;avascript&#x3A;alert('pwned'))

      [tab entity link](java&#9;script:alert('pwned'))

      [colon entity link](javascript&colon;alert('pwned'))

      <a href="java&#115;cript:alert('pwned')">raw entity anchor</a>

      <a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert('pwned')">all entities</a>

      ![image](javascript:alert('pwned'))

      ![data image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)

      <javascript:alert('pwned')>

      [reference link][evil]

      [evil]: javascript:alert('pwned')

      <iframe src="https://evil.example/pwned"></iframe>

      <svg onload="alert('pwned')"><circle r="1"/></svg>

      <object data="javascript:alert('pwned')"></object>

      <embed src="javascript:alert('pwned')">

      <style>body{background:url("javascript:alert('pwned')")}</style>

      <form action="javascript:alert('pwned')"><button formaction="javascript:alert('pwned')">go</button></form>

      <meta http-equiv="refresh" content="0;url=javascript:alert('pwned')">

      <base href="javascript:alert('pwned')//">

      <math><mtext><table><mglyph><style><img src=x onerror=alert('pwned')></style></mglyph></table></mtext></math>

      <!--<script>alert('pwned')</script>-->

      <p style="background:url(javascript:alert('pwned'))">styled</p>

      `<script>alert('pwned')</script>` shown as code.

      | col <img src=x onerror=alert('pwned')> | b |
      |---|---|
      | <script>alert('pwned')</script> | [x](javascript:alert('pwned')) |

      ### Heading <img src=x onerror=alert('pwned')>

      **Client:** <script>alert('pwned-client')</script> I feel unheard &lt;b&gt;

      **Counselor:** <img src=x onerror=alert('pwned-counselor')> You feel unheard.
      """;

  /** A practice item whose every line carries markup. */
  static final String PRACTICE_PAYLOAD =
      """
      1. **Beginner.** "<script>alert('pwned-client')</script> I feel unheard &lt;b&gt;"
         - Scene: <img src=x onerror=alert('pwned-scene')> A clinic.
         - Response: "<img src=x onerror=alert('pwned-counselor')> You feel unheard."
         - Response: "<b onmouseover=alert('pwned')>Unheard</b>, and tired of it."
         - Why: <script>alert('pwned-why')</script>Both reflect.
      """;

  @TempDir static Path dir;
  private static Path articles;
  private static Path config;
  private static KnowledgeBase kb;
  private static IndexReport report;

  @BeforeAll
  static void indexHostileArticles() throws IOException, ConfigException {
    articles = TestCorpus.copyArticles(dir.resolve("articles"));
    config = TestCorpus.copyConfig(dir.resolve("config"));
    writeHostileArticles(articles);
    kb = KnowledgeBase.open(TestCorpus.paths(articles, config, dir.resolve("index")));
    report = kb.sync(false, ProgressListener.NONE);
  }

  /**
   * Writes {@code hostile/xss-everywhere.md} (every payload, valid) and {@code hostile/xss-tag.md}
   * (markup in a tag, invalid) under {@code articles}.
   */
  static void writeHostileArticles(Path articles) throws IOException {
    Path hostile = Files.createDirectories(articles.resolve("hostile"));
    Files.writeString(
        hostile.resolve("xss-everywhere.md"),
        TestCorpus.article(
            """
            title: "%s"
            summary: "%s"
            category: empathy
            level: foundation
            tags: [listening]
            aliases:
              - "%s"
              - '%s'
            """
                .formatted(TITLE, SUMMARY, SVG_ALIAS, QUOTE_ALIAS),
            TestCorpus.sections(PAYLOADS)
                .replace(TestCorpus.FIRST_PRACTICE_ITEM, PRACTICE_PAYLOAD)),
        StandardCharsets.UTF_8);
    Files.writeString(
        hostile.resolve("xss-tag.md"),
        TestCorpus.article(
            """
            title: Tag with markup
            summary: A tag that is not a slug.
            category: empathy
            level: foundation
            tags:
              - "<b onmouseover=alert('pwned')>bold</b>"
            """,
            TestCorpus.sections("Nothing hostile here.")),
        StandardCharsets.UTF_8);
  }

  @AfterAll
  static void close() throws IOException {
    kb.close();
  }

  @Test
  void theArticleHtmlCarriesNothingExecutable() throws IOException {
    ArticleDetail detail = kb.library().get("xss-everywhere").orElseThrow();
    assertEquals(List.of(), ExecutableMarkup.inFragment(detail.html()));
    assertFalse(detail.html().toLowerCase().contains("<script"), detail.html());
    // The text of the payloads is kept and shown, escaped.
    assertTrue(detail.html().contains("shown as code"), detail.html());
    assertTrue(detail.html().contains("&lt;script&gt;"), detail.html());
    String json = Json.write(detail);
    assertEquals(detail.html(), Json.MAPPER.readTree(json).get("html").asText());
  }

  @Test
  void everyRealArticleRendersToInertHtml() throws IOException {
    for (var summary : kb.library().list(null, null, null)) {
      ArticleDetail detail = kb.library().get(summary.slug()).orElseThrow();
      assertEquals(List.of(), ExecutableMarkup.inFragment(detail.html()), detail.article().slug());
    }
  }

  @Test
  void headingsAndMetadataAreKeptAsPlainTextData() throws IOException {
    ArticleDetail detail = kb.library().get("xss-everywhere").orElseThrow();
    assertEquals(TITLE, detail.article().title());
    assertEquals(SUMMARY, detail.article().summary());
    assertEquals(List.of(SVG_ALIAS, QUOTE_ALIAS), detail.aliases());
    for (var heading : detail.headings()) {
      assertTrue(heading.id().matches("[a-z0-9_-]*"), heading.id());
    }
  }

  @Test
  void snippetsAreEscapedTextWithOnlyMarkTags() throws IOException {
    List<String> snippets = new ArrayList<>();
    for (String query :
        List.of(
            "pwned",
            "alert",
            "onerror",
            "script",
            "hostile",
            "unheard",
            "listening summary",
            "svg")) {
      SearchResponse response = kb.search().search(SearchRequest.of(query).withPage(1, 50));
      for (SearchHit hit : response.hits()) {
        snippets.add(hit.snippet());
        if (hit.article().slug().equals("xss-everywhere")) {
          assertEquals(TITLE, hit.article().title());
          assertEquals(SUMMARY, hit.article().summary());
        }
      }
    }
    assertTrue(snippets.size() > 10, "the hostile article should be found: " + snippets.size());
    assertTrue(snippets.stream().anyMatch(s -> s.contains("pwned")), "payload text is searchable");
    for (String snippet : snippets) {
      String withoutMarks = snippet.replace("<mark>", "").replace("</mark>", "");
      assertFalse(withoutMarks.contains("<"), snippet);
      assertFalse(withoutMarks.contains(">"), snippet);
      assertFalse(withoutMarks.contains("\""), snippet);
    }
  }

  @Test
  void suggestionsAreThePlainTitleAndAliases() throws IOException {
    List<Suggestion> suggestions = new ArrayList<>();
    for (String typed : List.of("hostile", "Hostile <scr", "<svg", "svg onl", "alert", "\"><")) {
      suggestions.addAll(kb.search().suggest(typed));
    }
    List<String> texts =
        suggestions.stream()
            .filter(s -> s.slug().equals("xss-everywhere"))
            .map(Suggestion::text)
            .toList();
    assertTrue(texts.contains(TITLE), texts.toString());
    for (String text : texts) {
      assertTrue(List.of(TITLE, SVG_ALIAS, QUOTE_ALIAS).contains(text), text);
    }
  }

  @Test
  void practiceItemsArePlainTextWithoutTheRawHtml() throws IOException {
    List<PracticeCard> cards =
        kb.library().practice("xss-everywhere", null, null, Difficulty.BEGINNER);
    assertEquals(1, cards.size(), cards.toString());
    PracticeCard card = cards.get(0);
    assertEquals(TITLE, card.title());
    // Practice lines are the text a reader sees, markup characters included: a valid raw tag is
    // dropped, anything else (escaped or malformed markup) stays literal text for the page to
    // escape; they never carry HTML of their own.
    assertEquals("alert('pwned-client') I feel unheard <b>", card.client());
    assertEquals(
        List.of(
            "<img src=x onerror=alert('pwned-counselor')> You feel unheard.",
            "<b onmouseover=alert('pwned')>Unheard, and tired of it."),
        card.responses());
    assertEquals("<img src=x onerror=alert('pwned-scene')> A clinic.", card.scene());
    assertEquals("alert('pwned-why')Both reflect.", card.why());
  }

  @Test
  void markupInTheFrontMatterIsReportedAndABadTagKeepsTheArticleOut() throws IOException {
    assertTrue(kb.library().get("xss-tag").isEmpty());
    assertTrue(
        report.problems().stream()
            .anyMatch(p -> p.isError() && p.path().equals("hostile/xss-tag.md") && p.line() == 7),
        report.problems().toString());

    Output check = run("check", "--articles", articles.toString(), "--config", config.toString());
    assertEquals(1, check.status(), check.out());
    String prefix = articles.resolve("hostile").toString();
    assertTrue(
        check
            .out()
            .contains(
                prefix + "/xss-tag.md:7: error: tag '<b onmouseover=alert('pwned')>bold</b>'"),
        check.out());
    assertTrue(
        check.out().contains(prefix + "/xss-everywhere.md:2: warning: 'title' contains markup"),
        check.out());
    assertTrue(
        check.out().contains(prefix + "/xss-everywhere.md:3: warning: 'summary' contains markup"),
        check.out());
    assertTrue(check.out().contains(" articles checked: 1 errors"), check.out());
  }

  record Output(int status, String out) {}

  /** Runs the command line in this JVM and captures what it prints. */
  static synchronized Output run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    try {
      System.setOut(capture);
      System.setErr(capture);
      int status = Main.run(args);
      capture.flush();
      return new Output(status, buffer.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }
}
