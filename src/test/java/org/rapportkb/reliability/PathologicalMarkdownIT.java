package org.rapportkb.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.article.ArticleFile;
import org.rapportkb.article.ArticleParser;
import org.rapportkb.article.MarkdownRenderer;
import org.rapportkb.check.Problem;
import org.rapportkb.config.ConfigLoader;
import org.rapportkb.config.KbConfig;
import org.rapportkb.index.IndexReport;
import org.rapportkb.index.ProgressListener;
import org.rapportkb.search.SearchRequest;

/**
 * Markdown built to exhaust a parser or renderer: nesting ten thousand deep, a huge table, a
 * hundred thousand asterisks, unclosed brackets. Each file renders within a bound to inert HTML, or
 * is rejected with a {@code path:line} message; neither a small thread stack nor the file stops the
 * engine.
 */
class PathologicalMarkdownIT {
  /**
   * How long a test waits for one file to be read before it gives up on it: a guard against a
   * reader that never ends (or takes exponential time), far above what any of these files takes.
   */
  private static final Duration PARSE_BOUND = Duration.ofSeconds(20);

  /** The same, for a whole sync or {@code check} of the folder. */
  private static final Duration FOLDER_BOUND = Duration.ofSeconds(60);

  private static final Map<String, String> BODIES = new LinkedHashMap<>();

  static {
    BODIES.put("deep-quotes", "> ".repeat(10_000) + "deep\n");
    BODIES.put("deep-lists", "- ".repeat(10_000) + "deep\n");
    // as deep as an article may go, with a bare URL its page turns into a link one level deeper
    BODIES.put("deep-at-limit", "> ".repeat(MarkdownRenderer.MAX_NESTING - 2) + "https://x.org\n");
    BODIES.put("deep-ordered-lists", "1. ".repeat(10_000) + "deep\n");
    BODIES.put("deep-quotes-and-lists", "> - ".repeat(5_000) + "deep\n");
    BODIES.put("indented-lists", indentedList(400));
    BODIES.put("huge-table", table(60, 3_000));
    BODIES.put("asterisks", "*".repeat(100_000) + "\n");
    BODIES.put("asterisks-with-words", "*a".repeat(50_000) + "\n");
    BODIES.put("strong-openers", "**a ".repeat(25_000) + "\n");
    BODIES.put("underscores", "_a_".repeat(30_000) + "\n");
    BODIES.put("open-brackets", "[".repeat(100_000) + "\n");
    BODIES.put("nested-links", "[".repeat(20_000) + "a" + "](b)".repeat(20_000) + "\n");
    BODIES.put("link-openers", "[a](".repeat(20_000) + "\n");
    BODIES.put("angle-brackets", "x " + "<a ".repeat(150_000) + "\n");
    BODIES.put("cdata-openers", "x " + "<![CDATA[".repeat(50_000) + "\n");
    BODIES.put("comment-openers", "x " + "<!--".repeat(110_000) + "\n");
    BODIES.put("declaration-openers", "x " + "<!D ".repeat(110_000) + "\n");
    BODIES.put("backticks", "`a``".repeat(25_000) + "\n");
    BODIES.put("entities", "&#x".repeat(30_000) + "\n");
    BODIES.put("long-line", "word".repeat(100_000) + "\n");
    BODIES.put("many-headings", "## x\n".repeat(40_000));
    BODIES.put("many-links", "[a](https://example.org/a) ".repeat(15_000) + "\n");
    BODIES.put("html-nesting", "<div>".repeat(40_000) + "\n");
  }

  @TempDir static Path dir;
  private static Path articles;
  private static Path config;
  private static final MarkdownRenderer renderer = new MarkdownRenderer();
  private static ArticleParser parser;
  private static Set<String> slugs;

  @BeforeAll
  static void writeArticles() throws Exception {
    articles = TestCorpus.copyArticles(dir.resolve("articles"));
    config = TestCorpus.copyConfig(dir.resolve("config"));
    Path folder = Files.createDirectories(articles.resolve("pathological"));
    for (Map.Entry<String, String> body : BODIES.entrySet()) {
      Files.writeString(
          folder.resolve(body.getKey() + ".md"),
          TestCorpus.article(
              """
              title: Pathological %s
              summary: Markdown that stresses the renderer.
              category: empathy
              level: advanced
              """
                  .formatted(body.getKey()),
              "## What it is\n\n" + body.getValue()),
          StandardCharsets.UTF_8);
    }
    KbConfig kbConfig = ConfigLoader.load(config);
    parser = new ArticleParser(renderer, kbConfig.curriculum());
    slugs = TestCorpus.slugsOnDisk(articles);
  }

  /**
   * Each file is read on threads with a small, the default and a large stack (the indexer reads on
   * a pool of default threads, a server may differ).
   */
  @Test
  void everyFileRendersInertHtmlWithinABoundOrIsRejectedWithALine() throws Exception {
    for (int stack : new int[] {256 * 1024, 1024 * 1024, 8 * 1024 * 1024}) {
      for (String name : BODIES.keySet()) {
        if (stack != 1024 * 1024 && !name.startsWith("deep-")) {
          continue; // only nesting depends on the stack; the rest is read once, on the default
        }
        ArticleFile file =
            new ArticleFile(
                name,
                articles.resolve("pathological/" + name + ".md"),
                "pathological/" + name + ".md");
        byte[] bytes = Files.readAllBytes(file.file());
        ArticleParser.Result result = onThread(stack, name, () -> parser.parse(file, bytes, slugs));
        if (name.equals("deep-at-limit")) {
          assertTrue(result.article().isPresent(), "64 levels are allowed: " + result.problems());
        }
        if (result.article().isPresent()) {
          String markdown = result.article().get().body().markdown();
          String html = onThread(stack, name, () -> renderer.toHtml(markdown));
          assertEquals(List.of(), ExecutableMarkup.inFragment(html), name);
        } else {
          List<Problem> errors = result.problems().stream().filter(Problem::isError).toList();
          assertFalse(errors.isEmpty(), name + " was refused without an error");
          for (Problem error : errors) {
            assertEquals(file.path(), error.path());
            assertTrue(error.line() >= 1, error.toString());
          }
        }
      }
    }
  }

  @Test
  void theEngineIndexesAroundThemAndKeepsAnswering() throws Exception {
    try (KnowledgeBase kb =
        KnowledgeBase.open(TestCorpus.paths(articles, config, dir.resolve("index")))) {
      IndexReport report =
          assertTimeoutPreemptively(FOLDER_BOUND, () -> kb.sync(false, ProgressListener.NONE));
      int real = TestCorpus.realArticles().size();
      assertEquals(real + BODIES.size(), report.files());
      assertEquals(report.files() - report.invalid(), kb.library().count() + drafts(kb));
      assertTrue(kb.library().count() >= real, "every real article is still indexed");
      assertTrue(kb.search().search(SearchRequest.of("empathy")).total() > 0);
      assertTrue(kb.search().search(SearchRequest.of("pathological")).total() > 0);
      for (var summary : kb.library().list(null, null, null)) {
        String html = kb.library().get(summary.slug()).orElseThrow().html();
        assertEquals(List.of(), ExecutableMarkup.inFragment(html), summary.slug());
      }
    }
  }

  @Test
  void checkReportsEveryRejectedFileWithPathAndLine() {
    HostileArticleTest.Output check =
        assertTimeoutPreemptively(
            FOLDER_BOUND,
            () ->
                HostileArticleTest.run(
                    "check", "--articles", articles.toString(), "--config", config.toString()));
    List<String> errorLines = new ArrayList<>();
    for (String line : check.out().split("\n")) {
      if (line.contains(": error: ")) {
        errorLines.add(line);
        assertTrue(
            line.matches(".*/pathological/[a-z-]+\\.md:\\d+: error: .+"),
            "an error line names the file and line: " + line);
      }
    }
    assertEquals(errorLines.isEmpty() ? 0 : 1, check.status(), check.out());
    assertTrue(
        check
            .out()
            .contains((TestCorpus.realArticles().size() + BODIES.size()) + " articles checked"));
  }

  private static int drafts(KnowledgeBase kb) throws IOException {
    return (int) kb.search().search(new SearchRequest("", null, null, null, 1, 1, true)).total()
        - kb.library().count();
  }

  private interface Work<T> {
    T run() throws Exception;
  }

  /**
   * Runs {@code work} on a fresh thread with the given stack size, as the indexer's pool would, and
   * fails when it is not done within {@link #PARSE_BOUND}.
   */
  private static <T> T onThread(int stackBytes, String name, Work<T> work) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                result.complete(work.run());
              } catch (Throwable e) {
                result.completeExceptionally(e);
              }
            },
            "pathological-" + stackBytes,
            stackBytes);
    thread.start();
    try {
      return result.get(PARSE_BOUND.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return fail(
          name
              + " was still being read after "
              + PARSE_BOUND
              + " on a "
              + stackBytes
              + " byte stack");
    }
  }

  private static String indentedList(int depth) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      out.append("  ".repeat(i)).append("- item ").append(i).append('\n');
    }
    return out.toString();
  }

  private static String table(int columns, int rows) {
    StringBuilder out = new StringBuilder();
    out.append("|h".repeat(columns)).append("|\n");
    out.append("|-".repeat(columns)).append("|\n");
    for (int r = 0; r < rows; r++) {
      out.append("|c".repeat(columns)).append("|\n");
    }
    return out.toString();
  }
}
