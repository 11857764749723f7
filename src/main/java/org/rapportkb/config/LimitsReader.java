package org.rapportkb.config;

import java.nio.file.Path;
import java.util.List;
import org.rapportkb.check.Problem;

/** Reads {@code limits.yml}; every mistake is reported with its line and the default kept. */
final class LimitsReader {
  static final String FILE = "limits.yml";

  private LimitsReader() {}

  /** The limits in {@code dir}, or the defaults when the file is absent. */
  static QueryLimits read(Path dir, List<Problem> problems) {
    return SettingsFile.read(dir, FILE, problems, LimitsReader::limits, QueryLimits.DEFAULTS);
  }

  private static QueryLimits limits(SettingsFile file) {
    QueryLimits d = QueryLimits.DEFAULTS;
    return new QueryLimits(
        positive(file, "maxQueryLength", d.maxQueryLength()),
        positive(file, "maxPageSize", d.maxPageSize()),
        positive(file, "resultWindow", d.resultWindow()),
        positive(file, "timeoutMillis", (int) d.timeoutMillis()),
        positive(file, "maxClauses", d.maxClauses()),
        positive(file, "maxNesting", d.maxNesting()),
        file.wholeNumber("cachedSearches", d.cachedSearches(), 0, "a whole number, 0 or more"));
  }

  private static int positive(SettingsFile file, String key, int fallback) {
    return file.wholeNumber(key, fallback, 1, "a positive whole number");
  }
}
