package org.rapportkb.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score (BM25 over the passage's matched words, favoring early passages), computed
 * without the hash table the default builds for every candidate passage: a passage holds a handful
 * of matches, so finding each word's first match by scanning is cheaper.
 */
final class LeanPassageScorer extends PassageScorer {
  @Override
  public float score(Passage passage, int contentLength) {
    int matches = passage.getNumMatches();
    BytesRef[] terms = passage.getMatchTerms();
    int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
    float score = 0;
    for (int i = 0; i < matches; i++) {
      if (firstOf(terms, i) != i) {
        continue;
      }
      int freqInPassage = 1;
      for (int j = i + 1; j < matches; j++) {
        if (terms[j].bytesEquals(terms[i])) {
          freqInPassage++;
        }
      }
      score += tf(freqInPassage, passage.getLength()) * weight(contentLength, freqsInDoc[i]);
    }
    return score * norm(passage.getStartOffset());
  }

  private static int firstOf(BytesRef[] terms, int index) {
    for (int i = 0; i < index; i++) {
      if (terms[i].bytesEquals(terms[index])) {
        return i;
      }
    }
    return index;
  }
}
