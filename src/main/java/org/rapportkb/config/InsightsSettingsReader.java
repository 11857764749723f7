package org.rapportkb.config;

import java.nio.file.Path;
import java.util.List;
import org.rapportkb.check.Problem;

/** Reads {@code insights.yml}; every mistake is reported with its line and the default kept. */
final class InsightsSettingsReader {
  static final String FILE = "insights.yml";

  private static final List<String> KEYS = List.of("enabled", "retentionDays");

  private InsightsSettingsReader() {}

  /** The settings in {@code dir}, or the defaults (off) when the file is absent. */
  static InsightsSettings read(Path dir, List<Problem> problems) {
    return SettingsFile.read(
        dir, FILE, problems, InsightsSettingsReader::settings, InsightsSettings.DEFAULTS);
  }

  private static InsightsSettings settings(SettingsFile file) {
    InsightsSettings d = InsightsSettings.DEFAULTS;
    int most = InsightsSettings.MAX_RETENTION_DAYS;
    InsightsSettings settings =
        new InsightsSettings(
            file.bool("enabled", d.enabled()),
            (int) file.number("retentionDays", d.retentionDays(), 1, most, true));
    // A misspelt key must not pass unnoticed: 'retention: 7' would keep entries 90 days.
    file.onlyKeys(KEYS);
    return settings;
  }
}
