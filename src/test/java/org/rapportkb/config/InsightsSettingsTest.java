package org.rapportkb.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.Fixture;
import org.rapportkb.check.Problem;

class InsightsSettingsTest {
  @TempDir Path dir;

  @Test
  void theSearchLogIsOffWithoutTheFileAndInTheBundledConfig() throws Exception {
    Path config = Fixture.copyTo(dir).config();
    assertEquals(InsightsSettings.DEFAULTS, ConfigLoader.load(config).insights());
    assertEquals(false, ConfigLoader.load(Path.of("index-config")).insights().enabled());
    assertEquals(90, ConfigLoader.load(Path.of("index-config")).insights().retentionDays());
  }

  @Test
  void aTrainerTurnsItOnWithARetentionPeriod() throws Exception {
    Path config = Fixture.copyTo(dir).config();
    Files.writeString(config.resolve("insights.yml"), "enabled: true\nretentionDays: 30\n");
    assertEquals(new InsightsSettings(true, 30), ConfigLoader.load(config).insights());
  }

  @Test
  void mistakesNameTheFileAndLine() throws Exception {
    Path config = Fixture.copyTo(dir).config();
    Files.writeString(
        config.resolve("insights.yml"),
        "# the search log\nenabled: maybe\nretentionDays: 0\nretention: 30\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(config));
    assertEquals(
        List.of(
            "insights.yml:2: error: 'enabled' must be true or false",
            "insights.yml:3: error: 'retentionDays' must be a whole number from 1 to 365",
            "insights.yml:4: error: unknown setting 'retention' (known: enabled, retentionDays)"),
        e.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void aFileThatIsNoMappingIsReported() throws Exception {
    Path config = Fixture.copyTo(dir).config();
    Files.writeString(config.resolve("insights.yml"), "- enabled\n");
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(config));
    assertEquals("insights.yml", e.problems().get(0).path());
    assertEquals(1, e.problems().get(0).line());
  }
}
