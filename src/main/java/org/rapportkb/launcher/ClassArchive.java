package org.rapportkb.launcher;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A class-data sharing archive for one command of this jar on one JDK, kept beside the jar: the
 * first run of a command records the classes it loaded, and later runs map them instead of loading
 * and verifying them again (server start-up takes about half as long). A run writes its archive
 * under a name of its own and it is moved into place only when the run ended normally, so runs side
 * by side, or a killed one, never leave a half-written archive in use. A rebuilt jar or another JDK
 * gets a new archive; the old ones are removed.
 *
 * <p>NOTE: compiled for Java 17 with the rest of the launcher.
 */
final class ClassArchive {
  private static final Pattern COMMAND = Pattern.compile("[a-z][a-z-]{0,19}");
  private static final String PREFIX = "rapport-kb-";
  private static final String SUFFIX = ".jsa";
  private static final String RECORDING = ".recording";

  private final Path archive;
  private final Path recording;
  private final String family;

  private ClassArchive(Path archive, Path recording, String family) {
    this.archive = archive;
    this.recording = recording;
    this.family = family;
  }

  /**
   * The archive for running {@code args} from {@code jar} on {@code java}; empty when the jar's
   * folder cannot be written (then nothing is recorded and classes load as usual).
   */
  static Optional<ClassArchive> of(Path jar, Path java, String[] args) {
    Path folder = jar.toAbsolutePath().getParent();
    if (folder == null || !Files.isWritable(folder)) {
      return Optional.empty();
    }
    String command = args.length > 0 && COMMAND.matcher(args[0]).matches() ? args[0] : "other";
    String family = PREFIX + command + "-";
    String key;
    try {
      key = Long.toHexString(fingerprint(jar, java));
    } catch (IOException e) {
      return Optional.empty();
    }
    long pid = ProcessHandle.current().pid();
    return Optional.of(
        new ClassArchive(
            folder.resolve(family + key + SUFFIX),
            folder.resolve(family + key + "." + pid + RECORDING),
            family));
  }

  /** Changes whenever the jar is rebuilt or the JDK is replaced. */
  private static long fingerprint(Path jar, Path java) throws IOException {
    Path realJava = java.toRealPath();
    return 31L
            * (31L * jar.toAbsolutePath().toString().hashCode()
                + Files.size(jar)
                + 31L * Files.getLastModifiedTime(jar).toMillis())
        + realJava.toString().hashCode()
        + 17L * Files.getLastModifiedTime(realJava).toMillis();
  }

  /** Options for the JVM that runs the command: use the archive, or record one at exit. */
  List<String> jvmOptions() {
    String use =
        Files.isRegularFile(archive)
            ? "-XX:SharedArchiveFile=" + archive
            : "-XX:ArchiveClassesAtExit=" + recording;
    return List.of(use, "-Xlog:cds*=off");
  }

  /**
   * After the command's JVM has exited with {@code status}: puts a newly recorded archive in place
   * when the JVM ended normally (also when stopped with Ctrl-C or SIGTERM, which run its exit
   * path), else drops it.
   */
  void settle(int status) {
    if (!Files.exists(recording)) {
      return;
    }
    boolean ended = status < 128 || status == 130 || status == 143;
    try {
      if (ended && Files.size(recording) > 0) {
        removeOlderArchives();
        try {
          Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING);
        }
      } else {
        Files.delete(recording);
      }
    } catch (IOException e) {
      try {
        Files.deleteIfExists(recording);
      } catch (IOException ignored) {
        // Left for the next run of the command to replace; it is never used under this name.
      }
    }
  }

  /**
   * Archives of the same command for an older jar or another JDK, and recordings left by runs that
   * were killed with their launcher.
   */
  private void removeOlderArchives() throws IOException {
    try (DirectoryStream<Path> old = Files.newDirectoryStream(archive.getParent(), family + "*")) {
      for (Path file : old) {
        if (file.equals(archive) || file.equals(recording)) {
          continue;
        }
        String name = file.getFileName().toString();
        if (name.endsWith(SUFFIX) || (name.endsWith(RECORDING) && !recordedByLiveRun(name))) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private static boolean recordedByLiveRun(String recordingName) {
    String[] parts = recordingName.split("\\.");
    try {
      long pid = Long.parseLong(parts[parts.length - 2]);
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      return false;
    }
  }
}
