package org.rapportkb.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PendingChangesTest {
  private static final long MS = 1_000_000L;
  private final PendingChanges pending = new PendingChanges(Duration.ofMillis(100));

  @Test
  void nothingPendingIsNeverDue() {
    assertTrue(pending.isEmpty());
    assertEquals(Long.MAX_VALUE, pending.nanosUntilDue(5 * MS));
  }

  @Test
  void aBurstIsDueOneQuietPeriodAfterItsLastChange() {
    pending.article("a", 1000 * MS);
    pending.article("b", 1050 * MS);
    pending.article("a", 1090 * MS);
    assertEquals(100 * MS, pending.nanosUntilDue(1090 * MS));
    assertEquals(1 * MS, pending.nanosUntilDue(1189 * MS));
    assertEquals(0, pending.nanosUntilDue(1190 * MS));
    assertEquals(new PendingChanges.Batch(true, Set.of("a", "b"), false), pending.drain());
    assertTrue(pending.isEmpty());
  }

  @Test
  void changesThatNeverStopAreDueAfterTheLongestDelay() {
    for (long t = 1000; t <= 1400; t += 50) {
      pending.article("busy", t * MS);
    }
    long limit = 1000 + 100 * PendingChanges.MAX_DELAY_PERIODS;
    assertEquals(0, pending.nanosUntilDue(limit * MS));
  }

  @Test
  void aRescanReportsNoSlugsAndTheNextBatchStartsAfresh() {
    pending.article("a", 10 * MS);
    pending.rescan(20 * MS);
    assertEquals(new PendingChanges.Batch(true, Set.of(), false), pending.drain());
    pending.config(500 * MS);
    assertEquals(100 * MS, pending.nanosUntilDue(500 * MS), "timed from the new first change");
    PendingChanges.Batch batch = pending.drain();
    assertFalse(batch.articles());
    assertTrue(batch.config());
  }
}
