package org.rapportkb.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveTest {
  @TempDir Path dir;
  private Path jar;
  private Path java;

  @BeforeEach
  void jarAndJava() throws Exception {
    jar = Files.writeString(dir.resolve("rapport-kb.jar"), "jar");
    java = Files.writeString(dir.resolve("java"), "jvm");
  }

  private ClassArchive archive(String... args) {
    return ClassArchive.of(jar, java, args).orElseThrow();
  }

  /** The file a run records into (from its options). */
  private static Path recording(ClassArchive archive) {
    String option = archive.jvmOptions().get(0);
    assertTrue(option.startsWith("-XX:ArchiveClassesAtExit="), option);
    return Path.of(option.substring(option.indexOf('=') + 1));
  }

  private List<String> files() throws Exception {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void theFirstRunRecordsAndLaterRunsUseTheArchive() throws Exception {
    ClassArchive first = archive("serve", "--port", "0");
    assertTrue(first.jvmOptions().contains("-Xlog:cds*=off"), "the JVM says nothing about it");
    Path recording = recording(first);
    Files.writeString(recording, "classes");
    first.settle(143);
    assertFalse(Files.exists(recording));

    String use = archive("serve").jvmOptions().get(0);
    assertTrue(use.startsWith("-XX:SharedArchiveFile="), use);
    Path kept = Path.of(use.substring(use.indexOf('=') + 1));
    assertEquals("classes", Files.readString(kept));
    assertTrue(kept.getFileName().toString().startsWith("rapport-kb-serve-"), kept.toString());
  }

  @Test
  void aRunThatDidNotEndNormallyKeepsNothing() throws Exception {
    ClassArchive killed = archive("index");
    Files.writeString(recording(killed), "half");
    killed.settle(137);
    assertEquals(List.of("java", "rapport-kb.jar"), files());
    assertTrue(archive("index").jvmOptions().get(0).startsWith("-XX:ArchiveClassesAtExit="));
  }

  @Test
  void eachCommandHasItsOwnArchive() throws Exception {
    ClassArchive serve = archive("serve");
    Files.writeString(recording(serve), "serve");
    serve.settle(0);
    assertTrue(archive("index").jvmOptions().get(0).startsWith("-XX:ArchiveClassesAtExit="));
    assertTrue(archive("--help").jvmOptions().get(0).contains("rapport-kb-other-"));
    assertTrue(archive("../../etc").jvmOptions().get(0).contains("rapport-kb-other-"));
  }

  @Test
  void aRebuiltJarRecordsAgainAndReplacesTheOldArchive() throws Exception {
    ClassArchive before = archive("check");
    Files.writeString(recording(before), "old");
    before.settle(1);
    String oldOption = archive("check").jvmOptions().get(0);

    Files.writeString(jar, "rebuilt jar");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
    ClassArchive after = archive("check");
    assertNotEquals(oldOption, after.jvmOptions().get(0));
    Files.writeString(recording(after), "new");
    after.settle(0);

    List<String> archives =
        files().stream().filter(name -> name.startsWith("rapport-kb-check-")).toList();
    assertEquals(1, archives.size(), archives.toString());
    assertTrue(
        archive("check").jvmOptions().get(0).endsWith(archives.get(0)), "the new one is used");
  }

  @Test
  void aRecordingLeftByAKilledRunIsClearedLater() throws Exception {
    Files.writeString(dir.resolve("rapport-kb-serve-0.999999999.recording"), "left over");
    ClassArchive run = archive("serve");
    Files.writeString(recording(run), "classes");
    run.settle(0);
    assertTrue(files().stream().noneMatch(name -> name.endsWith(".recording")), files().toString());
  }
}
