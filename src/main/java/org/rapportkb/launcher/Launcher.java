package org.rapportkb.launcher;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Entry point of the runnable jar: runs the application on Java 21+, or hands over to a 21+ JDK.
 *
 * <p>NOTE: this class is compiled for Java 17 so that {@code java -jar} works where the default
 * {@code java} is older than the application needs; it must not use newer APIs.
 */
public final class Launcher {
  static final int REQUIRED_FEATURE = 21;
  private static final String MAIN_CLASS = "org.rapportkb.cli.Main";

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    if (Runtime.version().feature() >= REQUIRED_FEATURE) {
      runInProcess(args);
      return;
    }
    Optional<Path> java = JdkFinder.findJava(REQUIRED_FEATURE);
    if (java.isEmpty()) {
      System.err.println(
          "rapport-kb needs Java "
              + REQUIRED_FEATURE
              + " or newer (this is Java "
              + Runtime.version().feature()
              + "); install a JDK "
              + REQUIRED_FEATURE
              + "+ or point JAVA_HOME at one.");
      System.exit(1);
    }
    System.exit(relaunch(java.get(), args));
  }

  private static void runInProcess(String[] args) throws Exception {
    try {
      Class.forName(MAIN_CLASS).getMethod("main", String[].class).invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static int relaunch(Path java, String[] args)
      throws IOException, InterruptedException, URISyntaxException {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-cp");
    command.add(ownJar());
    command.add(MAIN_CLASS);
    command.addAll(List.of(args));
    Process child = new ProcessBuilder(command).inheritIO().start();
    Thread forwardStop =
        new Thread(
            () -> {
              if (child.isAlive()) {
                child.destroy();
                try {
                  child.waitFor();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            });
    Runtime.getRuntime().addShutdownHook(forwardStop);
    int status = child.waitFor();
    Runtime.getRuntime().removeShutdownHook(forwardStop);
    return status;
  }

  private static String ownJar() throws URISyntaxException {
    Path location =
        Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(location)) {
      return System.getProperty("java.class.path", location.toString());
    }
    return location.toString() + File.pathSeparator + System.getProperty("java.class.path", "");
  }
}
