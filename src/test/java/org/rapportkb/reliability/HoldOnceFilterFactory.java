package org.rapportkb.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A token filter for tests that must act while a search or an indexing pass is under way, in a
 * server of its own process: the first time it meets the token {@code word}, it prints {@code held
 * WORD} on standard output and holds its thread until the file {@code release} exists, then lets
 * every token through unchanged. Once that file exists it never holds. A hold ends after {@link
 * #LONGEST_HOLD} in any case, so that a test that fails to release it does not hang.
 *
 * <p>Named {@value #NAME} in {@code analysis.yml}, for example {@code - holdOnce: {word: zqx,
 * release: "/tmp/release"}}; the test class path registers it with Lucene ({@code
 * META-INF/services}), so a forked server finds it too.
 */
public final class HoldOnceFilterFactory extends TokenFilterFactory {
  public static final String NAME = "holdOnce";

  static final Duration LONGEST_HOLD = Duration.ofMinutes(2);

  private final String word;
  private final Path release;
  private final AtomicBoolean held = new AtomicBoolean();

  public HoldOnceFilterFactory(Map<String, String> args) {
    super(args);
    word = require(args, "word");
    release = Path.of(require(args, "release"));
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("unknown parameters: " + args);
    }
  }

  /** For Lucene's service loader, which only reads the name. */
  public HoldOnceFilterFactory() {
    throw defaultCtorException();
  }

  /** The line a filter with {@code word} prints when it holds. */
  static String heldLine(String word) {
    return "held " + word;
  }

  /** The {@code analysis.yml} line that puts this filter in a chain's list of filters. */
  static String yamlItem(String word, Path release) {
    return "    - " + NAME + ": {word: " + word + ", release: \"" + release + "\"}\n";
  }

  @Override
  public TokenStream create(TokenStream input) {
    return new TokenFilter(input) {
      private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

      @Override
      public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
          return false;
        }
        if (word.contentEquals(term) && !Files.exists(release) && held.compareAndSet(false, true)) {
          hold();
        }
        return true;
      }
    };
  }

  private void hold() {
    System.out.println(heldLine(word));
    System.out.flush();
    long deadline = System.nanoTime() + LONGEST_HOLD.toNanos();
    while (!Files.exists(release) && System.nanoTime() - deadline < 0) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
