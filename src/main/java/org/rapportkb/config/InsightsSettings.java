package org.rapportkb.config;

/**
 * The search log behind the trainers' insights ({@code index-config/insights.yml}): whether
 * searches are recorded at all, and for how long they are kept.
 *
 * @param enabled true records each search (anonymously); false, the default, records nothing
 * @param retentionDays how many days an entry is kept before it is deleted
 */
public record InsightsSettings(boolean enabled, int retentionDays) {
  /** The most days an entry may be kept: a year. */
  public static final int MAX_RETENTION_DAYS = 365;

  /** Settings used when {@code insights.yml} is missing or leaves a value out: off, 90 days. */
  public static final InsightsSettings DEFAULTS = new InsightsSettings(false, 90);
}
