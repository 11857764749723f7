package org.rapportkb;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

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

  /** Work for {@link #runAll} that may fail with an {@link IOException}. */
  @FunctionalInterface
  public interface Task {
    void run() throws IOException;
  }

  /**
   * Runs {@code tasks} on up to {@code threads} daemon threads called {@code name} and waits for
   * all of them; the first failure in task order is thrown, as an {@link IOException}.
   */
  public static void runAll(String name, int threads, List<Task> tasks) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(threads, named(name));
    List<Future<?>> running = new ArrayList<>();
    try {
      for (Task task : tasks) {
        running.add(
            pool.submit(
                () -> {
                  task.run();
                  return null;
                }));
      }
      for (Future<?> task : running) {
        task.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(name + " was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(name + " failed: " + e.getCause(), e.getCause());
    } finally {
      // NOTE: the tasks are never interrupted: one interrupted in the middle of Lucene's file I/O
      // closes the channel and with it the index writer. Tasks not started are dropped, and the
      // running ones finish before this returns, so none outlives the call (and reaches a writer
      // reopened after it).
      for (Future<?> task : running) {
        task.cancel(false);
      }
      pool.shutdown();
      awaitQuietly(pool);
    }
  }

  private static void awaitQuietly(ExecutorService pool) {
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
