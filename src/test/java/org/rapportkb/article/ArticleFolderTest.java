package org.rapportkb.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.rapportkb.Fixture;
import org.rapportkb.config.ConfigLoader;

/** The scan-and-parse loop over the fixture articles. */
class ArticleFolderTest {
  private static final Set<String> FIXTURE =
      Set.of(
          "mandated-clients",
          "active-listening",
          "using-silence",
          "empathy",
          "double-sided-reflections",
          "reflective-listening",
          "unfinished-draft");

  private final ArticleFolder folder;

  ArticleFolderTest() throws Exception {
    Curriculum curriculum = ConfigLoader.load(Fixture.SOURCE.resolve("index-config")).curriculum();
    folder =
        new ArticleFolder(
            Fixture.SOURCE.resolve("articles"),
            new ArticleParser(new MarkdownRenderer(), curriculum));
  }

  @Test
  void onOneThreadEveryFileIsParsedInPathOrderAgainstEverySlug() throws Exception {
    List<String> paths = new ArrayList<>();
    List<String> valid = new ArrayList<>();
    folder.forEach(
        folder.scan(),
        1,
        found -> {
          assertEquals(FIXTURE, found.knownSlugs());
          paths.add(found.file().path());
          found.read().article().ifPresent(a -> valid.add(a.slug()));
        });
    assertEquals(paths.stream().sorted().toList(), paths);
    assertEquals(FIXTURE, Set.copyOf(paths.stream().map(ArticleFile::slugOf).toList()));
    assertEquals(FIXTURE, Set.copyOf(valid));
  }

  @Test
  void onSeveralThreadsEveryFileIsHandedOnOnce() throws Exception {
    List<String> slugs = Collections.synchronizedList(new ArrayList<>());
    folder.forEach(folder.scan(), 3, found -> slugs.add(found.file().slug()));
    assertEquals(FIXTURE.size(), slugs.size());
    assertEquals(new TreeSet<>(FIXTURE), new TreeSet<>(slugs));
  }

  @Test
  void aSampleHandsOnOnlyItsFilesAndAFailureEndsTheLoop() throws Exception {
    ArticleScanner.Scan sample = folder.sample(2);
    assertEquals(2, sample.files().size());
    List<Path> seen = new ArrayList<>();
    folder.forEach(sample, 1, found -> seen.add(found.file().file()));
    assertEquals(2, seen.size());
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                folder.forEach(
                    folder.scan(),
                    2,
                    found -> {
                      throw new IOException("cannot read " + found.file().slug());
                    }));
    assertTrue(e.getMessage().startsWith("cannot read "), e.getMessage());
  }
}
