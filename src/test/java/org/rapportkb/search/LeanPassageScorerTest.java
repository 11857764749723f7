package org.rapportkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class LeanPassageScorerTest {
  private final PassageScorer lucene = new PassageScorer();
  private final PassageScorer lean = new LeanPassageScorer();

  private static Passage passage(int start, int end, Object... matches) {
    Passage passage = new Passage();
    passage.setStartOffset(start);
    passage.setEndOffset(end);
    int offset = start;
    for (int i = 0; i < matches.length; i += 2) {
      String term = (String) matches[i];
      passage.addMatch(
          offset, offset + term.length(), new BytesRef(term), (Integer) matches[i + 1]);
      offset += term.length() + 1;
    }
    return passage;
  }

  @Test
  void scoresPassagesExactlyAsLucenesScorerDoes() {
    Passage[] passages = {
      passage(0, 120, "empathi", 7),
      passage(40, 200, "empathi", 7, "reflect", 3, "empathi", 7),
      passage(900, 1000, "silenc", 1, "silenc", 1, "silenc", 1, "paus", 12),
      passage(5000, 5300, "trust", 2, "build", 9, "session", 40, "first", 30, "trust", 2),
      passage(10, 20)
    };
    for (Passage passage : passages) {
      for (int contentLength : new int[] {300, 8000, 40_000}) {
        assertEquals(
            lucene.score(passage, contentLength),
            lean.score(passage, contentLength),
            1e-6f,
            passage + " in " + contentLength + " chars");
      }
    }
  }

  @Test
  void repeatedWordsInAPassageScoreMoreThanOne() {
    Passage once = passage(0, 100, "empathi", 5);
    Passage twice = passage(0, 100, "empathi", 5, "empathi", 5);
    assertTrue(lean.score(twice, 5000) > lean.score(once, 5000));
  }
}
