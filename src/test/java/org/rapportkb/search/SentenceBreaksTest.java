package org.rapportkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceBreaksTest {
  private static final String TEXT =
      "Reflect the feeling.  Then wait! Did she say \"no.\" Yes?\u2029Open questions"
          + " help, e.g. what else\u2029Last block";

  private static List<String> sentences(String text) {
    BreakIterator breaks = new SentenceBreaks();
    breaks.setText(text);
    List<String> out = new ArrayList<>();
    int start = breaks.first();
    for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
      out.add(text.substring(start, end));
    }
    return out;
  }

  @Test
  void splitsAfterSentencePunctuationAndAtEveryBlockEnd() {
    assertEquals(
        List.of(
            "Reflect the feeling.  ",
            "Then wait! ",
            "Did she say \"no.\" ",
            "Yes?\u2029",
            "Open questions help, e.g. ",
            "what else\u2029",
            "Last block"),
        sentences(TEXT));
  }

  @Test
  void followingAndPrecedingFindTheSentenceAroundAnOffset() {
    BreakIterator breaks = new SentenceBreaks();
    breaks.setText(TEXT);
    int then = TEXT.indexOf("Then");
    int wait = TEXT.indexOf("wait");
    assertEquals(then, breaks.preceding(wait));
    assertEquals(TEXT.indexOf("Did"), breaks.following(wait));
    assertEquals(TEXT.indexOf("Did"), breaks.current());
    assertEquals(then, breaks.previous());
    assertEquals(0, breaks.preceding(then));
    assertEquals(BreakIterator.DONE, breaks.preceding(0));
    assertEquals(BreakIterator.DONE, breaks.following(TEXT.length()));
    assertEquals(TEXT.length(), breaks.current());
    assertEquals(TEXT.length(), breaks.following(TEXT.indexOf("Last")));
    assertTrue(breaks.isBoundary(then));
    assertFalse(breaks.isBoundary(wait));
    assertEquals(TEXT.indexOf("Open"), breaks.following(TEXT.indexOf("Yes")));
    assertEquals(TEXT.indexOf("Yes"), breaks.next(-1));
    assertEquals(TEXT.indexOf("what"), breaks.next(2));
    assertThrows(IllegalArgumentException.class, () -> breaks.following(TEXT.length() + 1));
  }

  @Test
  void textWithoutPunctuationIsOneSentence() {
    assertEquals(List.of("no full stop here"), sentences("no full stop here"));
    assertEquals(List.of(), sentences(""));
  }
}
