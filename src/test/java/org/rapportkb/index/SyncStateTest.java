package org.rapportkb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.Fixture;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.article.MarkdownRenderer;
import org.rapportkb.config.ConfigLoader;
import org.rapportkb.config.KbConfig;
import org.rapportkb.search.SearchRequest;
import org.rapportkb.search.Suggestion;

/** The per-article sync state kept in doc values: file stamps, and completions read from it. */
class SyncStateTest {
  private static final FileTime AN_HOUR_AGO = FileTime.from(Instant.now().minusSeconds(3600));

  /**
   * A modification time still within the settle period when the sync reads it, however long the
   * test takes to get there: the clock has not reached it yet. "Saved just now", without a race
   * against the clock.
   */
  private static final FileTime JUST_NOW = FileTime.from(Instant.now().plusSeconds(3600));

  @TempDir Path dir;

  private static void ageEveryArticle(Path articles) throws Exception {
    try (Stream<Path> files = Files.walk(articles)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
        Files.setLastModifiedTime(file, AN_HOUR_AGO);
      }
    }
  }

  private static List<String> find(KnowledgeBase kb, String query) throws Exception {
    return kb.search().search(SearchRequest.of(query)).hits().stream()
        .map(h -> h.article().slug())
        .toList();
  }

  @Test
  void settledFilesAreStampedAndRecentOnesAreNot() throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    ageEveryArticle(paths.articles());
    Path empathy = paths.articles().resolve("empathy/empathy.md");
    Files.setLastModifiedTime(empathy, JUST_NOW);
    KbConfig config = loadConfig(paths);
    try (ArticleIndex index = ArticleIndex.open(paths.index(), () -> config)) {
      new Indexer(index, paths.articles(), () -> config, new MarkdownRenderer())
          .sync(false, ProgressListener.NONE);
      Map<String, SyncState> indexed = SyncState.all(index.searchers());
      assertEquals(7, indexed.size());
      SyncState settled = indexed.get("active-listening");
      assertEquals(Files.size(paths.articles().resolve(settled.path())), settled.stamp().size());
      assertEquals(AN_HOUR_AGO.toMillis(), settled.stamp().modifiedNanos() / 1_000_000);
      assertEquals(64, settled.hash().length());
      assertFalse(
          indexed.get("empathy").stamp().isKnown(),
          "a file saved just now is not trusted by its stamp");
    }
  }

  @Test
  void aSecondSaveInTheSameTickWithTheSameSizeIsStillNoticed() throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    ageEveryArticle(paths.articles());
    Path empathy = paths.articles().resolve("empathy/empathy.md");
    String text = Files.readString(empathy);
    Files.writeString(empathy, text.replace("## Sources", "## Sources\n\nkaleidoscope"));
    FileTime tick = JUST_NOW;
    Files.setLastModifiedTime(empathy, tick);
    try (KnowledgeBase kb = KnowledgeBase.open(paths)) {
      kb.sync(false, ProgressListener.NONE);
      assertEquals(List.of("empathy"), find(kb, "kaleidoscope"));
      Files.writeString(empathy, text.replace("## Sources", "## Sources\n\nmarshmallows"));
      Files.setLastModifiedTime(empathy, tick);
      IndexReport report = kb.sync(false, ProgressListener.NONE);
      assertEquals(1, report.updated());
      assertEquals(List.of("empathy"), find(kb, "marshmallows"));
    }
  }

  @Test
  void aSettledFileWithANewStampIsReindexed() throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    ageEveryArticle(paths.articles());
    try (KnowledgeBase kb = KnowledgeBase.open(paths)) {
      kb.sync(false, ProgressListener.NONE);
      Path silence = paths.articles().resolve("attending/using-silence.md");
      Files.writeString(silence, "\nA note about kaleidoscopes.\n", StandardOpenOption.APPEND);
      Files.setLastModifiedTime(silence, FileTime.from(Instant.now().minusSeconds(60)));
      IndexReport report = kb.sync(false, ProgressListener.NONE);
      assertEquals(1, report.updated());
      assertEquals(6, report.unchanged());
      assertEquals(List.of("using-silence"), find(kb, "kaleidoscopes"));
    }
  }

  @Test
  void aSyncStateRoundTripsThroughItsDocValue() {
    var state =
        new SyncState(
            "double-sided-reflections",
            "reflection/double-sided-reflections.md",
            "ab".repeat(32),
            List.of("reflective-listening", "empathy"),
            new FileStamp(4_096, 1_700_000_000_123_456_789L));
    assertEquals(state, SyncState.decode(state.encode()));
    assertEquals("double-sided-reflections", SyncState.slugOf(state.encode()));
    var unsettled = new SyncState("a", "a.md", "", List.of(), FileStamp.UNKNOWN);
    assertEquals(unsettled, SyncState.decode(unsettled.encode()));
  }

  @Test
  void completionsRoundTripThroughTheirDocValue() {
    var completions =
        new IndexFields.Completions(
            true, "Double-sided reflections", List.of("two-sided reflection", "ä \"quoted\""));
    assertEquals(
        completions, IndexFields.decodeCompletions(IndexFields.encodeCompletions(completions)));
  }

  @Test
  void suggestionsFollowAnEditOnceTheBackgroundRebuildIsDone() throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    try (KnowledgeBase kb = KnowledgeBase.open(paths)) {
      kb.sync(false, ProgressListener.NONE);
      assertEquals(List.of("empathy/Empathy"), rows(kb.search().suggest("empa")));
      Path empathy = paths.articles().resolve("empathy/empathy.md");
      Files.writeString(
          empathy,
          Files.readString(empathy).replace("title: Empathy", "title: Empathic understanding"));
      kb.sync(false, ProgressListener.NONE);
      String renamed = "empathy/Empathic understanding";
      long deadline = System.nanoTime() + 20_000_000_000L;
      List<String> after = rows(kb.search().suggest("empa"));
      while (!after.contains(renamed) && System.nanoTime() < deadline) {
        Thread.sleep(20);
        after = rows(kb.search().suggest("empa"));
      }
      assertEquals(List.of(renamed), after);
    }
  }

  /** Each suggestion as "slug/text". */
  private static List<String> rows(List<Suggestion> suggestions) {
    return suggestions.stream().map(s -> s.slug() + "/" + s.text()).toList();
  }

  private static KbConfig loadConfig(KnowledgeBase.Paths paths) {
    try {
      return ConfigLoader.load(paths.config());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
