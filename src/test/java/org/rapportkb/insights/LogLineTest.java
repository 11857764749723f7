package org.rapportkb.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogLineTest {
  @Test
  void linesReadBackAsWritten() {
    LogLine search = new LogLine.Search("2026-03-14", "abcdefghijklmnop", "grief", 2, null, true);
    LogLine opened = new LogLine.Opened("2026-03-14", "abcdefghijklmnop");
    assertEquals(Optional.of(search), LogLine.parse(search.toJson()));
    assertEquals(Optional.of(opened), LogLine.parse(opened.toJson()));
  }

  @Test
  void brokenOrForeignLinesAreSkipped() {
    for (String line :
        new String[] {
          "",
          "{\"day\":\"2026-03-14\",\"search\":\"abc\",\"qu",
          "[1,2]",
          "{\"day\":\"yesterday\",\"opened\":\"abc\"}",
          "{\"day\":\"2026-03-14\",\"search\":\"abc\",\"query\":\"x\",\"total\":\"many\",\"top\":null,\"weak\":false}",
          "{\"day\":\"2026-03-14\"}"
        }) {
      assertEquals(Optional.empty(), LogLine.parse(line), line);
    }
  }
}
