package org.rapportkb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.Fixture;
import org.rapportkb.KnowledgeBase;

/**
 * The README's run command, {@code bin/rapport-kb}, on the packaged jar: it finds a JDK 21+ by
 * itself whatever the default {@code java} is, and the program runs as that one process.
 */
class BinScriptIT {
  private static final Path SCRIPT = Path.of("bin", "rapport-kb").toAbsolutePath();

  @TempDir Path dir;

  private Process start(KnowledgeBase.Paths paths, String... command) throws Exception {
    return startWith(paths, null, command);
  }

  private Process startWith(KnowledgeBase.Paths paths, String javaOptions, String... command)
      throws Exception {
    return startWith(paths, null, javaOptions, command);
  }

  /** Runs the script on {@code jar} (the packaged one when null) with {@code javaOptions}. */
  private Process startWith(
      KnowledgeBase.Paths paths, Path jar, String javaOptions, String... command) throws Exception {
    List<String> line = new ArrayList<>(List.of(SCRIPT.toString()));
    line.addAll(List.of(command));
    line.addAll(
        List.of(
            "--articles", paths.articles().toString(),
            "--config", paths.config().toString(),
            "--index", paths.index().toString()));
    ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
    builder.environment().remove("JAVA_HOME");
    builder.environment().put("RAPPORT_KB_CACHE", dir.resolve("cache").toString());
    builder.environment().remove("RAPPORT_KB_JAVA_OPTS");
    builder.environment().remove("RAPPORT_KB_JAR");
    if (jar != null) {
      builder.environment().put("RAPPORT_KB_JAR", jar.toString());
    }
    if (javaOptions != null) {
      builder.environment().put("RAPPORT_KB_JAVA_OPTS", javaOptions);
    }
    return builder.start();
  }

  private static String finish(Process process) throws Exception {
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
    return output;
  }

  @Test
  void findsAJdkAndRunsEveryCommandAsOneProcessThatAKillStopsAtOnce() throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    Process check = start(paths, "check");
    String checked = finish(check);
    assertEquals(0, check.exitValue(), checked);
    assertTrue(checked.contains("7 articles checked: 0 errors"), checked);

    Process server = start(paths, "serve", "--port", "0", "--no-watch");
    try {
      var out =
          new BufferedReader(
              new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.contains("http://"));
      assertTrue(line != null, "the server printed its address");
      Matcher address = Pattern.compile("http://[^/\\s]+").matcher(line);
      assertTrue(address.find(), line);
      String base = address.group();
      HttpResponse<String> css =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(base + "/static/app.css")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, css.statusCode(), "static files are served from the jar");
      assertTrue(
          css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"),
          css.headers().toString());
      String command = server.info().command().orElse("");
      assertTrue(command.endsWith("/java"), "the script became the JVM: " + command);
      assertEquals(0, server.children().count(), "no second JVM");
    } finally {
      server.destroyForcibly();
      server.waitFor(30, TimeUnit.SECONDS);
    }
    assertTrue(Files.list(paths.index()).findAny().isPresent());

    // Killed with -9 while holding the index: the next command is not blocked by its lock.
    Process index = start(paths, "index");
    String indexed = finish(index);
    assertEquals(0, index.exitValue(), indexed);
    assertTrue(indexed.contains("0 invalid"), indexed);
    try (var jar = Files.list(Path.of("target"))) {
      assertTrue(
          jar.noneMatch(f -> f.getFileName().toString().endsWith(".jsa") && isNew(f)),
          "nothing is written beside the jar");
    }
  }

  private static boolean isNew(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis() > System.currentTimeMillis() - 120_000;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  @Test
  void boundsTheHeapUnlessTheUserGivesABound() throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    String bounded = finish(startWith(paths, "-XX:+PrintFlagsFinal", "check"));
    assertEquals(384L << 20, maxHeap(bounded), "the script's own bound");
    String given = finish(startWith(paths, "-XX:+PrintFlagsFinal -Xmx1g", "check"));
    assertEquals(1L << 30, maxHeap(given), "the user's -Xmx wins");
  }

  @Test
  void usesTheSerialCollectorUnlessTheUserNamesOne() throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    String shipped = finish(startWith(paths, "-XX:+PrintFlagsFinal", "check"));
    assertEquals("true", flag(shipped, "bool", "UseSerialGC"));
    assertEquals("false", flag(shipped, "bool", "UseG1GC"));
    String given = finish(startWith(paths, "-XX:+PrintFlagsFinal -XX:+UseG1GC", "check"));
    assertEquals("true", flag(given, "bool", "UseG1GC"), "the user's collector wins");
    assertEquals("false", flag(given, "bool", "UseSerialGC"));
  }

  @Test
  void indexAloneGetsSmallerInliningBudgetsThatTheUserCanOverride() throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    String index = finish(startWith(paths, "-XX:+PrintFlagsFinal", "index"));
    assertEquals("500", flag(index, "intx", "InlineSmallCode"), index);
    assertEquals("100", flag(index, "intx", "FreqInlineSize"));
    assertEquals("8", flag(index, "intx", "MaxInlineLevel"));
    assertTrue(index.contains("0 invalid"), index);
    String check = finish(startWith(paths, "-XX:+PrintFlagsFinal", "check"));
    assertNotEquals("500", flag(check, "intx", "InlineSmallCode"), "other commands: defaults");
    assertNotEquals("100", flag(check, "intx", "FreqInlineSize"));
    String given = finish(startWith(paths, "-XX:+PrintFlagsFinal -XX:FreqInlineSize=200", "index"));
    assertEquals("200", flag(given, "intx", "FreqInlineSize"), "the user's option wins");
  }

  /** The MaxHeapSize the JVM printed among its final flags. */
  private static long maxHeap(String output) {
    return Long.parseLong(flag(output, "size_t", "MaxHeapSize"));
  }

  /** The value of a flag of TYPE and NAME the JVM printed among its final flags. */
  private static String flag(String output, String type, String name) {
    return output
        .lines()
        .filter(line -> line.matches("\\s*" + type + " " + name + "\\s+=.*"))
        .map(line -> line.replaceAll(".*=\\s*(\\S+).*", "$1"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in:\n" + output));
  }

  @Test
  void aRebuiltJarGetsAClassArchiveOfItsOwnAndTheOldOneGoes() throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    Path jar = dir.resolve("rapport-kb.jar");
    Files.copy(Path.of("target", "rapport-kb.jar"), jar);
    // The first run of a command records its archive; with -Xshare:on a run that cannot map an
    // archive fails instead of running without one.
    assertChecks(paths, jar, null);
    assertChecks(paths, jar, "-Xshare:on");
    List<Path> first = archives();
    assertEquals(1, first.size(), first.toString());

    FileTime built = Files.getLastModifiedTime(jar);
    Files.setLastModifiedTime(jar, FileTime.fromMillis(built.toMillis() + 60_000));
    assertChecks(paths, jar, null);
    assertChecks(paths, jar, "-Xshare:on");
    List<Path> second = archives();
    assertEquals(1, second.size(), second.toString());
    assertNotEquals(first, second, "the rebuilt jar has an archive of its own");
  }

  private void assertChecks(KnowledgeBase.Paths paths, Path jar, String javaOptions)
      throws Exception {
    Process check = startWith(paths, jar, javaOptions, "check");
    String output = finish(check);
    assertEquals(0, check.exitValue(), output);
    assertTrue(output.contains("0 errors"), output);
  }

  /** The class archives of the {@code check} command in the cache folder. */
  private List<Path> archives() throws Exception {
    try (var files = Files.list(dir.resolve("cache"))) {
      return files.filter(f -> f.getFileName().toString().startsWith("check-")).sorted().toList();
    }
  }
}
