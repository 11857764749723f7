package org.rapportkb;

import java.util.concurrent.ThreadFactory;

/** Threads that never keep the process alive on their own, named for what they do. */
public final class DaemonThreads {
  private DaemonThreads() {}

  /** A factory of daemon threads called {@code name}. */
  public static ThreadFactory named(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
