package org.rapportkb.watch;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * Collects the changes seen since the last callback and says when they are due: after a quiet
 * period with no new change, or at the latest a few quiet periods after the first one, so that a
 * folder that never stops changing is still synced.
 */
final class PendingChanges {
  /** How many quiet periods a stream of changes may delay a callback at most. */
  static final int MAX_DELAY_PERIODS = 4;

  private final long quietNanos;
  private final long maxDelayNanos;
  private final Set<String> slugs = new TreeSet<>();
  private boolean articles;
  private boolean rescan;
  private boolean config;
  private long firstAt;
  private long lastAt;

  /** The changes handed to the callbacks at once; {@code slugs} is empty after a rescan. */
  record Batch(boolean articles, Set<String> slugs, boolean config) {}

  PendingChanges(Duration quiet) {
    this.quietNanos = quiet.toNanos();
    this.maxDelayNanos = quiet.multipliedBy(MAX_DELAY_PERIODS).toNanos();
  }

  /** An article file changed. */
  void article(String slug, long now) {
    touch(now);
    articles = true;
    slugs.add(slug);
  }

  /** Something changed under the articles folder, but which articles is unknown. */
  void rescan(long now) {
    touch(now);
    articles = true;
    rescan = true;
  }

  /** A file of the config folder changed. */
  void config(long now) {
    touch(now);
    config = true;
  }

  boolean isEmpty() {
    return !articles && !config;
  }

  /** Nanoseconds until the changes are due; zero or less when they are, max when there are none. */
  long nanosUntilDue(long now) {
    if (isEmpty()) {
      return Long.MAX_VALUE;
    }
    return Math.min(lastAt + quietNanos, firstAt + maxDelayNanos) - now;
  }

  /** Hands over what was collected and starts afresh. */
  Batch drain() {
    var batch = new Batch(articles, rescan ? Set.of() : Set.copyOf(slugs), config);
    slugs.clear();
    articles = false;
    rescan = false;
    config = false;
    return batch;
  }

  private void touch(long now) {
    if (isEmpty()) {
      firstAt = now;
    }
    lastAt = now;
  }
}
