package org.rapportkb.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.check.Problem;

class CategoriesReaderTest {
  @TempDir Path dir;

  private final List<Problem> problems = new ArrayList<>();

  private CategoriesReader.Categories read(String yaml) throws Exception {
    Files.writeString(dir.resolve(CategoriesReader.FILE), yaml);
    return CategoriesReader.read(dir, problems);
  }

  @Test
  void modulesComeInTheirOrderAndTagsWithTheirNames() throws Exception {
    var read =
        read(
            """
            categories:
              - {slug: empathy, name: Empathy, description: Inside the client's world., order: 2}
              - {slug: attending, name: Attending, description: Being there., order: 1}
            tags:
              mi: Motivational interviewing
            """);
    assertEquals(List.of(), problems);
    assertEquals(
        List.of("attending", "empathy"), read.categories().stream().map(Category::slug).toList());
    assertEquals("Motivational interviewing", read.tagNames().name("mi"));
    assertEquals("Open questions", read.tagNames().name("open-questions"));
  }

  @Test
  void eachMistakeNamesItsLineAndTheRestIsKept() throws Exception {
    var read =
        read(
            """
            categories:
              - {slug: empathy, name: Empathy, description: One.}
              - {slug: Empathy Two, name: Two, description: Two.}
              - {slug: empathy, name: Again, description: Again.}
            tags:
              Bad Tag: Shown
              unnamed: ""
            """);
    assertEquals(
        List.of(
            "categories.yml:3: error: category slug 'Empathy Two' must be lowercase-hyphenated",
            "categories.yml:4: error: category 'empathy' is listed twice",
            "categories.yml:6: error: tag 'Bad Tag' must be lowercase-hyphenated",
            "categories.yml:7: error: tag 'unnamed' needs a name"),
        problems.stream().map(Problem::toString).toList());
    assertEquals(List.of("empathy"), read.categories().stream().map(Category::slug).toList());
  }

  @Test
  void aMissingFileIsOneProblemAndNoModules() {
    var read = CategoriesReader.read(dir, problems);
    assertEquals(List.of(), read.categories());
    assertEquals(1, problems.size(), problems.toString());
    assertEquals("categories.yml", problems.get(0).path());
  }
}
