package org.rapportkb.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WhiteSpaceTest {
  @Test
  void collapsesEveryRunAsTheRegularExpressionDoes() {
    List<String> samples =
        List.of(
            "",
            " ",
            "  ",
            "a",
            "a b",
            "a  b",
            " a b ",
            "a\tb",
            "a\n\nb",
            "a \r\n b",
            "a\u000Bb\fc",
            "tail  ",
            "\u00A0not\u2029white\u3000space",
            "lone space then tab \t end");
    for (String sample : samples) {
      assertEquals(sample.replaceAll("\\s+", " "), WhiteSpace.collapse(sample), sample);
    }
  }

  @Test
  void agreesWithTheRegularExpressionOnRandomText() {
    Random random = new Random(7);
    char[] alphabet = {'a', 'b', ' ', '\t', '\n', '\r', '\f', '\u000B', '\u00A0', '.', '\u2029'};
    for (int n = 0; n < 2000; n++) {
      char[] text = new char[random.nextInt(12)];
      for (int i = 0; i < text.length; i++) {
        text[i] = alphabet[random.nextInt(alphabet.length)];
      }
      String sample = new String(text);
      assertEquals(sample.replaceAll("\\s+", " "), WhiteSpace.collapse(sample), sample);
    }
  }

  @Test
  void returnsTextThatNeedsNoChangeAsItIs() {
    String text = "single spaces only";
    assertSame(text, WhiteSpace.collapse(text));
  }
}
