package org.rapportkb.index;

import org.apache.lucene.index.QueryTimeout;

/**
 * A per-thread search deadline shared by all searchers: a search started with {@link #start} stops
 * collecting when its time is up, and {@link #expired} tells whether that happened.
 */
public final class Deadline implements QueryTimeout {
  public static final Deadline INSTANCE = new Deadline();

  private final ThreadLocal<long[]> state = new ThreadLocal<>();

  private Deadline() {}

  /** Starts the clock for searches on this thread. */
  public void start(long timeoutMillis) {
    state.set(new long[] {System.nanoTime() + timeoutMillis * 1_000_000L, 0});
  }

  /** Whether the current search on this thread ran out of time. */
  public boolean expired() {
    long[] current = state.get();
    return current != null && current[1] != 0;
  }

  /** Stops the clock for this thread. */
  public void clear() {
    state.remove();
  }

  @Override
  public boolean shouldExit() {
    long[] current = state.get();
    if (current == null) {
      return false;
    }
    if (current[1] == 0 && System.nanoTime() - current[0] > 0) {
      current[1] = 1;
    }
    return current[1] != 0;
  }
}
