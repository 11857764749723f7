package org.rapportkb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * The answers to the searches asked most recently on one index reader, so that a search asked again
 * before the index changes is answered without running it, and encoded once. Holds at most a fixed
 * number of answers, dropping the least recently asked first; a capacity of 0 keeps none. The same
 * search asked by several requests at once runs once: the others wait for its answer.
 */
final class ResultCache {
  private final int capacity;
  private final Map<SearchRequest, CompletableFuture<Answer>> answers;

  ResultCache(int capacity) {
    this.capacity = capacity;
    this.answers =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(
              Map.Entry<SearchRequest, CompletableFuture<Answer>> eldest) {
            return size() > capacity && eldest.getValue().isDone();
          }
        };
  }

  /** Runs a search; may throw what a search throws. */
  @FunctionalInterface
  interface Search {
    SearchResponse run() throws IOException;
  }

  /** An answer, with its encoding (say, JSON) made when first asked for. */
  static final class Answer {
    private final SearchResponse response;
    private volatile byte[] encoded;

    Answer(SearchResponse response) {
      this.response = response;
    }

    SearchResponse response() {
      return response;
    }

    /** The answer encoded by {@code encoder}, which is called once per kept answer. */
    byte[] encoded(Function<SearchResponse, byte[]> encoder) {
      byte[] written = encoded;
      if (written == null) {
        written = encoder.apply(response);
        encoded = written;
      }
      return written;
    }
  }

  /**
   * The answer kept for {@code request}, else the one {@code search} gives, kept unless the time
   * limit cut it short (a later try may find more).
   */
  Answer answer(SearchRequest request, Search search) throws IOException {
    if (capacity <= 0) {
      return new Answer(search.run());
    }
    CompletableFuture<Answer> mine = new CompletableFuture<>();
    CompletableFuture<Answer> kept;
    synchronized (this) {
      kept = answers.putIfAbsent(request, mine);
    }
    if (kept != null) {
      return await(kept);
    }
    try {
      Answer answer = new Answer(search.run());
      if (answer.response().partial()) {
        forget(request, mine);
      }
      mine.complete(answer);
      return answer;
    } catch (IOException | RuntimeException | Error e) {
      forget(request, mine);
      mine.completeExceptionally(e);
      throw e;
    }
  }

  private synchronized void forget(SearchRequest request, CompletableFuture<Answer> future) {
    answers.remove(request, future);
  }

  private static Answer await(CompletableFuture<Answer> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the same search", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new UncheckedIOException(new IOException(cause));
    }
  }
}
