package org.rapportkb.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherTest {
  @Test
  void theChildJvmTakesOverEveryOptionButThoseThatBindSomething() {
    List<String> launcher =
        List.of(
            "-Xmx512m",
            "-agentlib:jdwp=transport=dt_socket,server=y,address=5005",
            "-Dcom.sun.management.jmxremote.port=9010",
            "-Dcom.sun.management.jmxremote",
            "-javaagent:/opt/agent.jar",
            "-agentpath:/opt/libprofiler.so",
            "-XX:StartFlightRecording=filename=run.jfr",
            "-Xdebug",
            "-Xrunjdwp:transport=dt_socket",
            "-Dfile.encoding=UTF-8",
            "-XX:+UseSerialGC");
    assertEquals(
        List.of("-Xmx512m", "-Dfile.encoding=UTF-8", "-XX:+UseSerialGC"),
        Launcher.passedToChild(launcher));
  }
}
