package org.rapportkb;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Bounded waits for work done in the background: polls a condition until a deadline. */
public final class Eventually {
  private static final long POLL_MILLIS = 10;

  private Eventually() {}

  /** Waits until {@code condition} holds; fails with {@code what} when {@code within} passes. */
  public static void await(Duration within, String what, Callable<Boolean> condition)
      throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.call()) {
      if (System.nanoTime() - deadline > 0) {
        fail("not within " + within.toMillis() + " ms: " + what);
      }
      Thread.sleep(POLL_MILLIS);
    }
  }
}
