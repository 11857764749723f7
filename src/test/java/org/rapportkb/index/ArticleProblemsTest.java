package org.rapportkb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.Fixture;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.check.Problem;

/** The engine's record of articles whose latest save could not be published, sync by sync. */
class ArticleProblemsTest {
  @TempDir Path dir;

  private KnowledgeBase kb;
  private Path empathy;
  private String empathyText;

  @BeforeEach
  void open() throws Exception {
    kb = Fixture.openIndexed(dir);
    empathy = kb.paths().articles().resolve("empathy/empathy.md");
    empathyText = Files.readString(empathy, StandardCharsets.UTF_8);
  }

  @AfterEach
  void close() throws Exception {
    kb.close();
  }

  private void sync() throws Exception {
    kb.sync(false, ProgressListener.NONE);
  }

  private String inArticles(String path) {
    return kb.paths().articles().resolve(path).toString();
  }

  @Test
  void aValidFolderHasNoProblems() {
    assertEquals(List.of(), kb.problems().errors());
    assertEquals(0, kb.problems().count());
  }

  @Test
  void anInvalidSaveIsRecordedWhileTheLastGoodVersionStaysPublished() throws Exception {
    Files.writeString(empathy, empathyText.replace("level: foundation\n", ""));
    sync();
    assertEquals(
        List.of(
            Problem.error(inArticles("empathy/empathy.md"), 2, "missing required field 'level'")),
        kb.problems().forSlug("empathy"));
    assertEquals(1, kb.problems().count());
    assertEquals(List.of(), kb.problems().forSlug("active-listening"));
    assertEquals("foundation", kb.library().get("empathy").orElseThrow().article().level());

    sync();
    assertEquals(1, kb.problems().count(), "still invalid at the next sync");

    Files.writeString(empathy, empathyText.replace("title: Empathy", "title: Empathy, revised"));
    sync();
    assertEquals(List.of(), kb.problems().errors());
    assertEquals("Empathy, revised", kb.library().get("empathy").orElseThrow().article().title());
  }

  @Test
  void eachErrorOfAFileIsKeptAndWarningsAreNot() throws Exception {
    Files.writeString(
        empathy,
        empathyText
            .replace("level: foundation", "level: expert")
            .replace("category: empathy", "category: feelings")
            .replace("## Sources", "## Sources\n\n## Sources"));
    sync();
    List<Problem> errors = kb.problems().forSlug("empathy");
    assertEquals(List.of(4, 5), errors.stream().map(Problem::line).toList(), errors.toString());
    assertTrue(errors.stream().allMatch(Problem::isError));
    assertTrue(errors.get(0).message().startsWith("unknown category 'feelings'"));
    assertEquals(1, kb.problems().count(), "one file");
  }

  @Test
  void anInvalidNewArticleCountsButHasNoPage() throws Exception {
    Path draft = kb.paths().articles().resolve("empathy/attunement.md");
    Files.writeString(draft, "---\ntitle: Attunement\n---\n");
    sync();
    assertEquals(1, kb.problems().count());
    assertEquals(Set.of(inArticles("empathy/attunement.md")), kb.problems().paths());
    assertTrue(kb.library().get("attunement").isEmpty());

    Files.delete(draft);
    sync();
    assertEquals(0, kb.problems().count(), "a deleted file has no problems");
  }

  @Test
  void deletingARelatedArticleTurnsTheArticlesThatNameItInvalid() throws Exception {
    ArticleProblems before = kb.problems();
    Files.delete(kb.paths().articles().resolve("reflection/reflective-listening.md"));
    sync();
    ArticleProblems after = kb.problems();
    assertTrue(after.forSlug("empathy").get(0).message().contains("'reflective-listening'"));
    assertTrue(after.count() >= 1);
    assertTrue(after.slugsChangedSince(before).contains("empathy"));
    assertEquals(Set.of(), after.slugsChangedSince(after));
    assertEquals(after.slugsChangedSince(before), before.slugsChangedSince(after));
  }

  @Test
  void aDuplicateSlugIsAProblemOfTheSecondFileOnly() throws Exception {
    Files.writeString(kb.paths().articles().resolve("reflection/empathy.md"), empathyText);
    sync();
    assertEquals(Set.of(inArticles("reflection/empathy.md")), kb.problems().paths());
    assertTrue(kb.library().get("empathy").isPresent());
  }
}
