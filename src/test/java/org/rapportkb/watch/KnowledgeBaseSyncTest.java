package org.rapportkb.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.Fixture;
import org.rapportkb.KnowledgeBase;

/**
 * What a sync after a save tells the log (a line per problem, with the file and line) and the open
 * pages (which articles to reload), without the watcher's timing.
 */
class KnowledgeBaseSyncTest {
  private static final Logger LOG = Logger.getLogger(KnowledgeBaseSync.class.getName());

  @TempDir Path dir;

  private final List<String> logged = new ArrayList<>();
  private final List<ArticleChange> changes = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private KnowledgeBase kb;
  private KnowledgeBaseSync sync;

  @BeforeEach
  void open() throws Exception {
    kb = Fixture.openIndexed(dir);
    sync = new KnowledgeBaseSync(kb, changes::add);
    LOG.addHandler(capture);
  }

  @AfterEach
  void close() throws Exception {
    LOG.removeHandler(capture);
    kb.close();
  }

  private Path article(String path) {
    return kb.paths().articles().resolve(path);
  }

  private List<String> problemLines() {
    return logged.stream().filter(line -> line.contains(": error: ")).toList();
  }

  @Test
  void anInvalidSaveIsLoggedPerProblemAndItsFixToo() throws Exception {
    Path empathy = article("empathy/empathy.md");
    String text = Files.readString(empathy, StandardCharsets.UTF_8);
    Files.writeString(
        empathy, text.replace("level: foundation\n", "").replace("order: 1", "order: first"));
    sync.articlesChanged(Set.of("empathy"));
    assertEquals(
        List.of(
            "WARNING articles: " + empathy + ":2: error: missing required field 'level'",
            "WARNING articles: " + empathy + ":5: error: 'order' must be a whole number 0 or more"),
        problemLines());
    assertEquals(Set.of("empathy"), changes.get(0).slugs(), "the open page learns of it");

    logged.clear();
    Files.writeString(empathy, text);
    sync.articlesChanged(Set.of("empathy"));
    assertEquals(List.of(), problemLines());
    assertEquals(
        List.of("INFO articles: " + empathy + ": valid again"),
        logged.stream().filter(line -> line.contains("valid again")).toList());
    assertEquals(Set.of("empathy"), changes.get(1).slugs());
  }

  @Test
  void articlesThatTurnInvalidWithADeletionAreReportedWithIt() throws Exception {
    Files.delete(article("reflection/reflective-listening.md"));
    sync.articlesChanged(Set.of("reflective-listening"));
    assertEquals(
        Set.of(
            "reflective-listening",
            "empathy",
            "active-listening",
            "double-sided-reflections",
            "mandated-clients"),
        changes.get(0).slugs(),
        "the pages of articles naming the deleted one show why they are not updated");
    assertTrue(
        problemLines()
            .contains(
                "WARNING articles: "
                    + article("empathy/empathy.md")
                    + ":9: error: 'related' names 'reflective-listening', which is no article's"
                    + " slug"),
        logged.toString());
    assertEquals(4, problemLines().size(), "one line per problem");
  }

  @Test
  void anUnknownChangeStaysAChangeToEverything() throws Exception {
    Files.writeString(article("empathy/empathy.md"), "---\ntitle: Empathy\n");
    sync.articlesChanged(Set.of());
    assertEquals(Set.of(), changes.get(0).slugs());
  }
}
