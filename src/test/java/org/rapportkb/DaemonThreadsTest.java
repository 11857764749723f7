package org.rapportkb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Running tasks on daemon threads: failures end the run cleanly. */
class DaemonThreadsTest {

  @Test
  void aFailureEndsTheRunWithoutInterruptingTasksOrLeavingAnyRunning() throws Exception {
    IOException failure = new IOException("disk full");
    CountDownLatch slowStarted = new CountDownLatch(1);
    AtomicBoolean slowInterrupted = new AtomicBoolean();
    AtomicBoolean slowFinished = new AtomicBoolean();
    List<DaemonThreads.Task> tasks = new ArrayList<>();
    tasks.add(
        () -> {
          try {
            slowStarted.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          throw failure;
        });
    tasks.add(
        () -> {
          slowStarted.countDown();
          // Busy for a while after the failure, as a task writing a document would be.
          long until = System.nanoTime() + 200_000_000L;
          while (System.nanoTime() < until) {
            if (Thread.currentThread().isInterrupted()) {
              slowInterrupted.set(true);
            }
          }
          slowFinished.set(true);
        });
    IOException thrown =
        assertThrows(IOException.class, () -> DaemonThreads.runAll("test-pool", 2, tasks));
    assertSame(failure, thrown);
    assertEquals(true, slowFinished.get(), "the running task finished before runAll returned");
    assertFalse(slowInterrupted.get(), "no task is interrupted");
  }
}
