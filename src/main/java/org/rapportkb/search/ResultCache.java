package org.rapportkb.search;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rapportkb.json.Json;

/**
 * The answers to the searches asked most recently on one index reader, so that a search asked again
 * before the index changes is answered without running it, and its JSON is written once. Holds at
 * most a fixed number of answers, dropping the least recently asked first; a capacity of 0 keeps
 * none.
 */
final class ResultCache {
  private final int capacity;
  private final Map<SearchRequest, Answer> answers;

  ResultCache(int capacity) {
    this.capacity = capacity;
    this.answers =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<SearchRequest, Answer> eldest) {
            return size() > capacity;
          }
        };
  }

  /** An answer, with its JSON written when first asked for. */
  static final class Answer {
    private final SearchResponse response;
    private volatile byte[] json;

    Answer(SearchResponse response) {
      this.response = response;
    }

    SearchResponse response() {
      return response;
    }

    /** The answer as the {@code /api/search} JSON, UTF-8. */
    byte[] json() {
      byte[] written = json;
      if (written == null) {
        written = Json.bytes(response);
        json = written;
      }
      return written;
    }
  }

  /** The answer kept for {@code request}, or null. */
  synchronized Answer get(SearchRequest request) {
    return answers.get(request);
  }

  /**
   * Wraps {@code response} as an answer and keeps it, unless the time limit cut it short (a later
   * try may find more).
   */
  Answer keep(SearchRequest request, SearchResponse response) {
    Answer answer = new Answer(response);
    if (capacity > 0 && !response.partial()) {
      synchronized (this) {
        answers.put(request, answer);
      }
    }
    return answer;
  }
}
