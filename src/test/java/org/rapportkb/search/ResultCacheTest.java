package org.rapportkb.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.Fixture;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.index.ProgressListener;
import org.rapportkb.json.Json;

class ResultCacheTest {
  @TempDir Path dir;

  private static SearchResponse response(String query, boolean partial) {
    return new SearchResponse(
        query, 1, 1, 10, List.of(), MatchCounter.noFacets(), null, partial, null, "off");
  }

  @Test
  void keepsTheMostRecentlyAskedAnswersUpToItsCapacity() {
    ResultCache cache = new ResultCache(2);
    cache.keep(SearchRequest.of("a"), response("a", false));
    cache.keep(SearchRequest.of("b"), response("b", false));
    assertNotNull(cache.get(SearchRequest.of("a")), "asking for a makes b the oldest");
    cache.keep(SearchRequest.of("c"), response("c", false));
    assertNull(cache.get(SearchRequest.of("b")));
    assertEquals("a", cache.get(SearchRequest.of("a")).response().query());
    assertEquals("c", cache.get(SearchRequest.of("c")).response().query());
  }

  @Test
  void keepsNoAnswerCutShortAndNoneAtCapacityZero() {
    ResultCache cache = new ResultCache(10);
    cache.keep(SearchRequest.of("slow"), response("slow", true));
    assertNull(cache.get(SearchRequest.of("slow")));

    ResultCache off = new ResultCache(0);
    off.keep(SearchRequest.of("a"), response("a", false));
    assertNull(off.get(SearchRequest.of("a")));
  }

  @Test
  void writesTheJsonOfAnAnswerOnce() {
    ResultCache.Answer answer =
        new ResultCache(1).keep(SearchRequest.of("a"), response("a", false));
    byte[] json = answer.json();
    assertArrayEquals(Json.bytes(answer.response()), json);
    assertSame(json, answer.json());
  }

  @Test
  void aRepeatedSearchIsAnsweredAgainUntilTheIndexChanges() throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    try (KnowledgeBase kb = KnowledgeBase.open(paths)) {
      kb.sync(false, ProgressListener.NONE);
      SearchRequest silence = SearchRequest.of("silence");
      SearchResponse first = kb.search().search(silence);
      assertEquals(2, first.total());
      assertSame(first, kb.search().search(silence));
      assertArrayEquals(Json.bytes(first), kb.search().searchAsJson(silence));
      assertNotSame(first, kb.search().search(silence.withPage(1, 1)), "a different request");

      Files.delete(paths.articles().resolve("attending/using-silence.md"));
      kb.sync(false, ProgressListener.NONE);
      SearchResponse after = kb.search().search(silence);
      assertEquals(1, after.total());
      assertEquals("active-listening", after.hits().get(0).article().slug());
    }
  }

  @Test
  void withTheCacheTurnedOffEverySearchRuns() throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    Files.writeString(paths.config().resolve("limits.yml"), "cachedSearches: 0\n");
    try (KnowledgeBase kb = KnowledgeBase.open(paths)) {
      kb.sync(false, ProgressListener.NONE);
      SearchRequest silence = SearchRequest.of("silence");
      SearchResponse first = kb.search().search(silence);
      SearchResponse second = kb.search().search(silence);
      assertNotSame(first, second);
      assertEquals(first, second);
    }
  }
}
