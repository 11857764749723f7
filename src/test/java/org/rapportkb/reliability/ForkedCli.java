package org.rapportkb.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The command line in a separate JVM (the same {@code java} and class path as the tests), with its
 * output collected line by line, so that a test can wait for a line and then kill it.
 */
final class ForkedCli implements AutoCloseable {
  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private final Thread reader;

  private ForkedCli(Process process) {
    this.process = process;
    this.reader = Thread.ofVirtual().start(this::collect);
  }

  /** Starts {@code org.rapportkb.cli.Main} with {@code args} in {@code workDir}. */
  static ForkedCli start(Path workDir, String... args) throws IOException {
    return start(workDir, List.of(), args);
  }

  /** Like {@link #start(Path, String...)}, with more options for the JVM. */
  static ForkedCli start(Path workDir, List<String> jvmOptions, String... args) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Xmx256m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("org.rapportkb.cli.Main");
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    return new ForkedCli(builder.start());
  }

  private void collect() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // The process was killed; what it printed so far is kept.
    }
  }

  /** Waits until a printed line matches, and returns it; fails when the process ends first. */
  String await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int seen = 0;
    synchronized (lines) {
      while (true) {
        for (; seen < lines.size(); seen++) {
          if (wanted.test(lines.get(seen))) {
            return lines.get(seen);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
          throw new AssertionError(
              "no such line within " + timeout + "; output:\n" + String.join("\n", lines));
        }
        TimeUnit.NANOSECONDS.timedWait(lines, Math.min(left, 50_000_000L));
      }
    }
  }

  /** Kills the process the hard way (SIGKILL), as a power cut or the OOM killer would. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** Asks the process to stop (SIGTERM), as a service manager would. */
  void terminate() {
    process.destroy();
  }

  /** Waits for the process to end and returns its exit status. */
  int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("still running after " + timeout + "; output:\n" + output());
    }
    reader.join(Duration.ofSeconds(5));
    return process.exitValue();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
