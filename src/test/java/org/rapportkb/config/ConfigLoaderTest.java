package org.rapportkb.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.Fixture;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void theBundledConfigLoads() throws Exception {
    KbConfig config = ConfigLoader.load(Path.of("index-config"));
    assertEquals(8, config.categories().size());
    assertEquals("alliance", config.categories().get(0).slug());
    assertEquals(10f, config.boosts().get("title"));
    assertTrue(config.vocabulary().contains("soler"));
  }

  @Test
  void theFingerprintFollowsTheIndexChainOnly() throws Exception {
    Path config = Fixture.copyTo(dir).config();
    String before = ConfigLoader.load(config).indexFingerprint();
    Files.writeString(config.resolve("synonyms.txt"), "\nfoo, bar\n", StandardOpenOption.APPEND);
    assertEquals(before, ConfigLoader.load(config).indexFingerprint());
    Files.writeString(config.resolve("stopwords.txt"), "\nfoo\n", StandardOpenOption.APPEND);
    assertNotEquals(before, ConfigLoader.load(config).indexFingerprint());
  }

  @Test
  void errorsNameFileAndLine() throws Exception {
    Path config = Fixture.copyTo(dir).config();
    String analysis = Files.readString(config.resolve("analysis.yml"));
    Files.writeString(
        config.resolve("analysis.yml"),
        analysis
            .replace("title: 10", "title: lots")
            .replace("porterStem\n\nquery", "noSuchFilter\n\nquery"));
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(config));
    assertTrue(
        e.problems().stream()
            .anyMatch(
                p ->
                    p.path().equals("analysis.yml")
                        && p.message().contains("boost for 'title'")
                        && p.line() > 1),
        e.problems().toString());
    assertTrue(
        e.problems().stream().anyMatch(p -> p.message().contains("noSuchFilter")),
        e.problems().toString());
  }

  @Test
  void limitsAreCheckedWithTheirLine() throws Exception {
    Path config = Fixture.copyTo(dir).config();
    Files.writeString(config.resolve("limits.yml"), "maxPageSize: 20\ncachedSearches: -1\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(config));
    assertEquals(1, e.problems().size(), e.problems().toString());
    assertEquals("limits.yml", e.problems().get(0).path());
    assertEquals(2, e.problems().get(0).line());
    assertTrue(e.problems().get(0).message().contains("'cachedSearches' must be a whole number"));

    Files.writeString(config.resolve("limits.yml"), "maxPageSize: 20\ncachedSearches: 0\n");
    QueryLimits limits = ConfigLoader.load(config).limits();
    assertEquals(0, limits.cachedSearches());
    assertEquals(20, limits.maxPageSize());
    assertEquals(QueryLimits.DEFAULTS.resultWindow(), limits.resultWindow());
  }
}
