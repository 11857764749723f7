package org.rapportkb.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
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

  private static ResultCache.Answer ask(ResultCache cache, String query, boolean partial)
      throws IOException {
    return cache.answer(SearchRequest.of(query), () -> response(query, partial));
  }

  @Test
  void keepsTheMostRecentlyAskedAnswersUpToItsCapacity() throws IOException {
    ResultCache cache = new ResultCache(2);
    ResultCache.Answer a = ask(cache, "a", false);
    ResultCache.Answer b = ask(cache, "b", false);
    assertSame(a, ask(cache, "a", false), "asking for a again makes b the oldest");
    ask(cache, "c", false);
    assertSame(a, ask(cache, "a", false));
    assertNotSame(b, ask(cache, "b", false), "b was dropped, so it runs again");
  }

  @Test
  void keepsNoAnswerCutShortAndNoneAtCapacityZero() throws IOException {
    ResultCache cache = new ResultCache(10);
    ResultCache.Answer slow = ask(cache, "slow", true);
    assertNotSame(slow, ask(cache, "slow", true), "an answer cut short is asked again");

    ResultCache off = new ResultCache(0);
    assertNotSame(ask(off, "a", false), ask(off, "a", false));
  }

  @Test
  void encodesAnAnswerOnce() throws IOException {
    ResultCache.Answer answer = ask(new ResultCache(1), "a", false);
    AtomicInteger calls = new AtomicInteger();
    byte[] json =
        answer.encoded(
            r -> {
              calls.incrementAndGet();
              return Json.bytes(r);
            });
    assertArrayEquals(Json.bytes(answer.response()), json);
    assertSame(
        json,
        answer.encoded(
            r -> {
              calls.incrementAndGet();
              return Json.bytes(r);
            }));
    assertEquals(1, calls.get());
  }

  @Test
  void theSameSearchAskedAtOnceRunsOnce() throws Exception {
    ResultCache cache = new ResultCache(10);
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    ResultCache.Search slowSearch =
        () -> {
          runs.incrementAndGet();
          running.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            throw new IOException(e);
          }
          return response("same", false);
        };
    ResultCache.Answer[] answers = new ResultCache.Answer[2];
    Thread first = new Thread(() -> answers[0] = askQuietly(cache, slowSearch));
    first.start();
    running.await();
    Thread second = new Thread(() -> answers[1] = askQuietly(cache, slowSearch));
    second.start();
    // The second caller blocks either waiting for the first one's answer or, were it to run the
    // search itself, inside it: release the search only once it blocks.
    while (second.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
    release.countDown();
    first.join();
    second.join();
    assertEquals(1, runs.get());
    assertSame(answers[0], answers[1]);
  }

  private static ResultCache.Answer askQuietly(ResultCache cache, ResultCache.Search search) {
    try {
      return cache.answer(SearchRequest.of("same"), search);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aFailedSearchIsNotKept() {
    ResultCache cache = new ResultCache(10);
    assertThrows(
        IOException.class,
        () ->
            cache.answer(
                SearchRequest.of("x"),
                () -> {
                  throw new IOException("disk");
                }));
    assertDoesNotThrow(() -> ask(cache, "x", false));
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
      assertArrayEquals(Json.bytes(first), kb.search().searchEncoded(silence, Json::bytes));
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
