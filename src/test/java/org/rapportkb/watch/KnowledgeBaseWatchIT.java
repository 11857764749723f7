package org.rapportkb.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.Eventually;
import org.rapportkb.Fixture;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.index.IndexReport;
import org.rapportkb.index.ProgressListener;
import org.rapportkb.search.SearchRequest;

class KnowledgeBaseWatchIT {
  private static final Path PROJECT_ARTICLES = Path.of("articles");
  private static final Path PROJECT_CONFIG = Path.of("index-config");
  private static final List<String> COPIED =
      List.of("alliance/building-trust.md", "empathy/empathy.md", "attending/active-listening.md");

  /**
   * A hang guard for each wait. How soon a save is found is measured by the benchmarks
   * (docs/benchmarks.md), not here: these tests wait for the sync that the watcher reports.
   */
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static final String NEW_SLUG = "zephyr-handshake-drills";

  @TempDir Path dir;

  /** The bundled config and three bundled articles, without links to articles not copied. */
  private KnowledgeBase.Paths copyProject() throws Exception {
    var paths =
        new KnowledgeBase.Paths(
            dir.resolve("articles"), dir.resolve("index-config"), dir.resolve("index"));
    Fixture.copyTree(PROJECT_CONFIG, paths.config());
    for (String file : COPIED) {
      Path target = paths.articles().resolve(file);
      Files.createDirectories(target.getParent());
      Files.writeString(target, withoutRelated(Files.readString(PROJECT_ARTICLES.resolve(file))));
    }
    return paths;
  }

  private static String withoutRelated(String article) {
    return article.replaceFirst("(?m)^related:.*\\n", "");
  }

  private static List<String> find(KnowledgeBase kb, String query) throws Exception {
    return kb.search().search(SearchRequest.of(query)).hits().stream()
        .map(h -> h.article().slug())
        .toList();
  }

  /** Waits for a reported change that {@code matches}, and returns the first one. */
  private static ArticleChange awaitChange(
      List<ArticleChange> changes, String what, Predicate<ArticleChange> matches) throws Exception {
    Eventually.await(WAIT, what, () -> changes.stream().anyMatch(matches));
    return changes.stream().filter(matches).findFirst().orElseThrow();
  }

  @Test
  void aSavedArticleIsSearchableOnceItsSyncIsReportedAndGoneAfterDeletion() throws Exception {
    var paths = copyProject();
    List<ArticleChange> changes = new CopyOnWriteArrayList<>();
    try (KnowledgeBase kb = KnowledgeBase.open(paths)) {
      IndexReport first = kb.sync(false, ProgressListener.NONE);
      assertEquals(3, first.added(), first.problems().toString());
      try (FolderWatcher watcher =
          FolderWatcher.forKnowledgeBase(kb, changes::add, Duration.ofMillis(150))) {
        watcher.start();
        String source = Files.readString(paths.articles().resolve(COPIED.get(0)));
        String article = source.replaceFirst("(?m)^title: .*$", "title: Zephyr handshake drills");
        Path file = paths.articles().resolve("alliance/" + NEW_SLUG + ".md");

        Files.writeString(file, article);
        ArticleChange added =
            awaitChange(changes, "the save is reported", c -> c.slugs().contains(NEW_SLUG));
        assertEquals(1, added.report().added());
        assertEquals(List.of(NEW_SLUG), find(kb, "zephyr"), "found as soon as it is reported");

        changes.clear();
        Files.writeString(file, article.substring(0, 40));
        awaitChange(changes, "the half-written file is synced", c -> c.report().invalid() == 1);
        assertEquals(
            List.of(NEW_SLUG), find(kb, "zephyr"), "the last good version stays searchable");

        changes.clear();
        Files.delete(file);
        ArticleChange deleted =
            awaitChange(changes, "the deletion is reported", c -> c.report().deleted() == 1);
        assertTrue(deleted.slugs().contains(NEW_SLUG), deleted.slugs().toString());
        assertEquals(List.of(), find(kb, "zephyr"), "gone as soon as it is reported");
        assertTrue(find(kb, "trust").contains("building-trust"), "the others stay");
      }
    }
  }

  @Test
  void aConfigChangeReloadsTheConfigAndIsReportedAsAChangeToEverything() throws Exception {
    var paths = copyProject();
    List<ArticleChange> changes = new CopyOnWriteArrayList<>();
    try (KnowledgeBase kb = KnowledgeBase.open(paths)) {
      kb.sync(false, ProgressListener.NONE);
      try (FolderWatcher watcher =
          FolderWatcher.forKnowledgeBase(kb, changes::add, Duration.ofMillis(150))) {
        watcher.start();
        Path categories = paths.config().resolve("categories.yml");
        Files.writeString(
            categories,
            Files.readString(categories)
                .replace("name: The therapeutic alliance", "name: The working alliance"));
        Eventually.await(WAIT, "the reload is reported", () -> !changes.isEmpty());
        assertTrue(changes.get(0).everything());
        assertTrue(
            kb.config().categories().stream()
                .anyMatch(c -> c.name().equals("The working alliance")),
            "the new config is in use");
      }
    }
  }

  @Test
  void aReadOnlyKnowledgeBaseCannotBeWatched() throws Exception {
    var paths = copyProject();
    try (KnowledgeBase writer = KnowledgeBase.open(paths)) {
      writer.sync(false, ProgressListener.NONE);
      try (KnowledgeBase reader = KnowledgeBase.openForSearch(paths)) {
        assertThrows(
            IllegalArgumentException.class,
            () -> FolderWatcher.forKnowledgeBase(reader, change -> {}, Duration.ofMillis(150)));
      }
    }
  }
}
