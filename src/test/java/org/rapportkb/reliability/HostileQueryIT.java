package org.rapportkb.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.config.ConfigException;
import org.rapportkb.index.ProgressListener;
import org.rapportkb.search.InvalidQueryException;
import org.rapportkb.search.SearchRequest;
import org.rapportkb.search.SearchResponse;
import org.rapportkb.search.Suggestion;

/**
 * Hostile queries through the engine's {@code SearchService}: each one is either refused with an
 * {@link InvalidQueryException} that explains itself, or answered with a bounded normal response;
 * nothing else ever escapes, and the engine answers normally afterwards.
 */
class HostileQueryIT {
  /**
   * A hang guard for one search: far above the configured 2 s search timeout and any pause a busy
   * machine adds, so that it only fails a search the timeout does not stop.
   */
  private static final Duration SEARCH_BOUND = Duration.ofSeconds(30);

  /** The class that checks a raw query, in one linear pass, before anything parses it. */
  private static final String QUERY_GUARD = "org.rapportkb.search.QueryGuard";

  @TempDir static Path dir;
  private static KnowledgeBase kb;

  /** The same articles with the length and nesting guards opened wide, to reach the parser. */
  private static KnowledgeBase unguarded;

  @BeforeAll
  static void openEngines() throws IOException, ConfigException {
    Path articles = TestCorpus.copyArticles(dir.resolve("articles"));
    Path config = TestCorpus.copyConfig(dir.resolve("config"));
    kb = KnowledgeBase.open(TestCorpus.paths(articles, config, dir.resolve("index")));
    kb.sync(false, ProgressListener.NONE);
    Path wide =
        TestCorpus.copyConfig(
            dir.resolve("wide-config"),
            """
            maxQueryLength: 200000
            maxNesting: 200000
            maxClauses: 1024
            """);
    unguarded = KnowledgeBase.open(TestCorpus.paths(articles, wide, dir.resolve("wide-index")));
    unguarded.sync(false, ProgressListener.NONE);
  }

  @AfterAll
  static void close() throws IOException {
    unguarded.close();
    kb.close();
  }

  static Stream<String> hostileQueries() {
    return Stream.of(
        "*pathy",
        "?mpathy",
        "*",
        "**",
        "*:*",
        "title:*",
        "em*",
        "e*",
        "co?*",
        "c*",
        "client~",
        "ab~2",
        "a~2 b~2 c~2 d~2 e~2 f~2 g~2",
        "empathy~0.1",
        "empathy~99",
        "\"empathy listening\"~100000",
        "/emp.*/",
        "/(a|aa)*b{1000}/",
        "ab*c*d*e*f*g*h*i*j*k*l*m*n*o*p*q*r*s*t*u*v*w*x*y*z*",
        "ab?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*",
        "title:ab*c?d*e?f*g?h*i?j*k?l*m?n*",
        "body:/.*/",
        "[a TO z]",
        "{a TO *}",
        "title:(",
        "(((",
        ")))",
        "\"unterminated",
        "\\",
        "AND",
        "OR OR OR",
        "NOT",
        "-empathy",
        "+",
        "!",
        "^2",
        "empathy^1000000",
        "empathy^-1",
        "unknownfield:empathy",
        "html:script",
        "slug:empathy",
        "tag:*",
        "level:expert",
        "::::",
        "title:title:title:x",
        "\u0000\u0001\u0002\u001b[31m",
        "empathy\u0000listening",
        "\uD83D\uDE00\uD83D\uDC4D\uD83C\uDFFD",
        "\uD800 lone surrogate \uDFFF",
        "\u202Eevil\u202C empathy",
        "empathy\u200B\u200Dlistening",
        "ｅｍｐａｔｈｙ",
        "共感",
        "<script>alert(1)</script>",
        "'; DROP TABLE articles; --",
        "%00%2e%2e%2f",
        " ".repeat(499),
        "x".repeat(500),
        IntStream.range(0, 60).mapToObj(i -> "w" + i).collect(Collectors.joining(" OR ")),
        "(".repeat(21) + "empathy" + ")".repeat(21),
        "(".repeat(400),
        ")".repeat(400),
        "\"" + "(".repeat(400) + "\"");
  }

  @ParameterizedTest
  @MethodSource("hostileQueries")
  void aHostileQueryIsRefusedClearlyOrAnsweredWithinBounds(String query) throws IOException {
    for (KnowledgeBase engine : List.of(kb, unguarded)) {
      answerOrRefusal(engine, SearchRequest.of(query));
      answerOrRefusal(engine, SearchRequest.of(query).withPage(2, 50));
      suggestOrRefusal(engine, query);
    }
    assertEnginesStillAnswer();
  }

  @Test
  void leadingWildcardsAreSearchedAsPlainWords() throws IOException {
    for (String query : List.of("*pathy", "?mpathy", "title:*flect", "body:?ilence")) {
      SearchResponse response = answered(kb, SearchRequest.of(query));
      assertNotNull(response.searched(), query);
      assertFalse(response.searched().contains("*"), response.searched());
      assertFalse(response.searched().contains("?"), response.searched());
    }
  }

  @Test
  void thousandsOfNestedParenthesesAreRefusedByTheGuardBeforeParsing() {
    String deep = "(".repeat(240) + "empathy" + ")".repeat(240);
    InvalidQueryException e = refused(kb, SearchRequest.of(deep));
    assertTrue(e.getMessage().contains("nests parentheses more than 20 deep"), e.getMessage());
    assertThrownByTheGuard(e);

    String thousands = "(".repeat(5_000) + "empathy" + ")".repeat(5_000);
    InvalidQueryException tooLong = refused(kb, SearchRequest.of(thousands));
    assertTrue(tooLong.getMessage().contains("too long"), tooLong.getMessage());
    assertThrownByTheGuard(tooLong);
  }

  @Test
  void parenthesesDeepEnoughToOverflowTheParserAreSearchedAsPlainWords() throws IOException {
    // The guards are opened wide here, so the query reaches the classic parser, whose recursion
    // overflows the stack; that must come back as a search of the plain words, never as an error.
    String deep = "(".repeat(60_000) + "empathy" + ")".repeat(60_000);
    SearchResponse response = answered(unguarded, SearchRequest.of(deep));
    assertEquals("empathy", response.searched());
    assertEnginesStillAnswer();
  }

  @Test
  void thousandsOfOredTermsAreRefusedAsTooManyClauses() {
    String query =
        IntStream.range(0, 3_000).mapToObj(i -> "t" + i).collect(Collectors.joining(" OR "));
    InvalidQueryException e = bounded(() -> refused(unguarded, SearchRequest.of(query)));
    assertTrue(e.getMessage().contains("too many"), e.getMessage());
    InvalidQueryException guarded = refused(kb, SearchRequest.of(query));
    assertTrue(guarded.getMessage().contains("too long"), guarded.getMessage());
    assertThrownByTheGuard(guarded);
    assertEnginesStillAnswer();
  }

  @Test
  void regularExpressionsAreSearchedAsPlainWords() throws IOException {
    for (String query : List.of("/emp.*/", "/(a|aa)*b{1000}/", "title:/[a-z]{1,1000}/")) {
      SearchResponse response = answered(kb, SearchRequest.of(query));
      assertNotNull(response.searched(), query);
      assertFalse(response.searched().contains("/"), response.searched());
    }
  }

  @Test
  void punctuationWithNoWordsIsRefusedWithAMessageForPeople() {
    for (String query : List.of("*", "-", "/", "((", "\"\"")) {
      InvalidQueryException e = refused(kb, SearchRequest.of(query));
      assertTrue(e.getMessage().contains("no words to search for"), query + ": " + e.getMessage());
    }
  }

  @Test
  void widePrefixAndFuzzyQueriesGiveABoundedAnswer() throws IOException {
    for (String query : List.of("co*", "re*", "s?*", "client~2", "ab~2", "the~1 of~1 a~2")) {
      SearchResponse response = answered(kb, SearchRequest.of(query).withPage(1, 50));
      assertTrue(response.hits().size() <= 50, query);
    }
    SearchResponse prefix = answered(kb, SearchRequest.of("co*"));
    assertTrue(prefix.total() > 10, "co* should match many articles, got " + prefix.total());
    SearchResponse oneLetter = answered(kb, SearchRequest.of("c*"));
    assertEquals("c", oneLetter.searched());
  }

  @Test
  void aHundredThousandCharacterQueryIsRefusedByTheLengthLimitBeforeParsing() {
    // Unbalanced parentheses: if this reached the parser it would overflow or fail differently.
    String huge = "(".repeat(50_000) + "a".repeat(50_000);
    InvalidQueryException search = refused(kb, SearchRequest.of(huge));
    assertEquals("the query is too long (100000 characters; at most 500)", search.getMessage());
    assertThrownByTheGuard(search);
    InvalidQueryException suggest =
        assertThrows(InvalidQueryException.class, () -> kb.search().suggest(huge));
    assertEquals(search.getMessage(), suggest.getMessage());
    assertThrownByTheGuard(suggest);
  }

  /**
   * Asserts that the query guard refused the query itself: it threw {@code e}, with no cause, from
   * a stack that holds neither the query parser nor anything of Lucene. The guard runs before the
   * query is parsed, analyzed or searched (and the length check before it reads a character), so a
   * refusal from there cost no more than one pass over the text.
   */
  private static void assertThrownByTheGuard(InvalidQueryException e) {
    StackTraceElement[] stack = e.getStackTrace();
    assertEquals(QUERY_GUARD, stack[0].getClassName(), () -> e + " thrown at " + stack[0]);
    assertNull(e.getCause(), () -> "a refusal by the guard has no cause: " + e.getCause());
    for (StackTraceElement frame : stack) {
      String owner = frame.getClassName();
      assertFalse(
          owner.startsWith("org.apache.lucene")
              || owner.startsWith("org.rapportkb.search.KbQueryParser")
              || owner.startsWith("org.rapportkb.search.ForgivingParse"),
          () -> "the guard refused the query from inside " + frame);
    }
  }

  @Test
  void controlCharactersAndEmojiAreHarmless() throws IOException {
    SearchResponse withControls = answered(kb, SearchRequest.of("empathy\u0000\u0007\u001b"));
    assertTrue(withControls.total() > 0, "control characters should be read as spaces");
    assertFalse(withControls.query().chars().anyMatch(Character::isISOControl));
    SearchResponse withEmoji = answered(kb, SearchRequest.of("\uD83D\uDE00 empathy \uD83D\uDC4D"));
    assertTrue(withEmoji.total() > 0);
    answered(kb, SearchRequest.of("\uD83D\uDE00"));
    answered(kb, SearchRequest.of("\uD800"));
  }

  @Test
  void pageAndSizeOutOfRangeAreRefusedWithTheRange() {
    record Case(int page, int size, String message) {}
    for (Case c :
        List.of(
            new Case(0, 10, "page must be 1 or more"),
            new Case(-1, 10, "page must be 1 or more"),
            new Case(Integer.MIN_VALUE, 10, "page must be 1 or more"),
            new Case(1, 0, "size must be between 1 and 50"),
            new Case(1, -5, "size must be between 1 and 50"),
            new Case(1, 51, "size must be between 1 and 50"),
            new Case(1, Integer.MAX_VALUE, "size must be between 1 and 50"),
            new Case(101, 10, "only the first 1000 results"),
            new Case(Integer.MAX_VALUE, 50, "only the first 1000 results"))) {
      InvalidQueryException e =
          refused(kb, SearchRequest.of("empathy").withPage(c.page(), c.size()));
      assertTrue(e.getMessage().contains(c.message()), c + " -> " + e.getMessage());
    }
  }

  @Test
  void aPageBeyondTheLastResultIsEmptyNotAnError() throws IOException {
    SearchResponse response = answered(kb, SearchRequest.of("empathy").withPage(100, 10));
    assertEquals(List.of(), response.hits());
    assertTrue(response.total() > 0);
  }

  @Test
  void unknownFilterValuesAreRefusedOrMatchNothing() throws IOException {
    assertTrue(
        refused(kb, SearchRequest.of("empathy").withFilters("no-such-category", null, null))
            .getMessage()
            .contains("unknown category 'no-such-category'"));
    assertTrue(
        refused(kb, SearchRequest.of("empathy").withFilters(null, null, "expert"))
            .getMessage()
            .contains("unknown level 'expert'"));
    assertTrue(
        refused(kb, SearchRequest.of("empathy").withFilters(null, "<b>Bold</b>", null))
            .getMessage()
            .contains("a tag is lowercase words"));
    refused(kb, SearchRequest.of("").withFilters("\u0000", null, null));
    refused(kb, SearchRequest.of("").withFilters(null, null, "x".repeat(100_000)));
    SearchResponse unknownTag =
        answered(kb, SearchRequest.of("empathy").withFilters(null, "no-such-tag", null));
    assertEquals(0, unknownTag.total());
  }

  @Test
  void aSearchThatRunsOutOfTimeReturnsPartialResultsMarkedPartial(@TempDir Path tmp)
      throws IOException, ConfigException {
    Path articles = tmp.resolve("articles");
    TestCorpus.generate(articles, 300);
    Path config = TestCorpus.copyConfig(tmp.resolve("config"), "timeoutMillis: 1\n");
    try (KnowledgeBase slow =
        KnowledgeBase.open(TestCorpus.paths(articles, config, tmp.resolve("i")))) {
      slow.sync(false, ProgressListener.NONE);
      int partial = 0;
      for (int i = 0; i < 20 && partial == 0; i++) {
        SearchResponse response = answered(slow, SearchRequest.of("listening OR feelings OR co*"));
        assertTrue(response.hits().size() <= 10);
        if (response.partial()) {
          partial++;
          assertTrue(response.total() <= 300, "a partial answer never counts more than exist");
        }
      }
      assertTrue(partial > 0, "a 1 ms budget over 300 articles should run out");
    }
    SearchResponse normal = answered(kb, SearchRequest.of("listening OR feelings OR co*"));
    assertFalse(normal.partial());
  }

  private static void answerOrRefusal(KnowledgeBase engine, SearchRequest request) {
    try {
      SearchResponse response = bounded(() -> engine.search().search(request));
      assertNotNull(response.hits());
      assertNotNull(response.facets());
      assertTrue(response.hits().size() <= request.size());
      assertTrue(response.total() >= 0);
    } catch (InvalidQueryException e) {
      assertClear(e);
    }
  }

  private static void suggestOrRefusal(KnowledgeBase engine, String typed) throws IOException {
    try {
      List<Suggestion> suggestions = engine.search().suggest(typed);
      assertTrue(suggestions.size() <= 10);
    } catch (InvalidQueryException e) {
      assertClear(e);
    }
  }

  /** A refusal message is one line for people: no exception names, no stack frames. */
  private static void assertClear(InvalidQueryException e) {
    String message = e.getMessage();
    assertNotNull(message);
    assertFalse(message.isBlank());
    assertFalse(message.contains("\n"), message);
    assertFalse(message.contains("Exception"), message);
    assertFalse(message.contains("org.apache"), message);
    assertTrue(message.length() < 400, () -> "a message of " + message.length() + " characters");
  }

  private static InvalidQueryException refused(KnowledgeBase engine, SearchRequest request) {
    InvalidQueryException e =
        assertThrows(InvalidQueryException.class, () -> engine.search().search(request));
    assertClear(e);
    return e;
  }

  private static SearchResponse answered(KnowledgeBase engine, SearchRequest request) {
    SearchResponse response = bounded(() -> engine.search().search(request));
    assertTrue(response.hits().size() <= request.size());
    return response;
  }

  /**
   * Runs {@code search} on a thread of its own and gives up on it after {@link #SEARCH_BOUND}: a
   * guard against a search that never ends, not a measure of speed. What it throws is rethrown.
   */
  private static <T> T bounded(ThrowingSupplier<T> search) {
    return assertTimeoutPreemptively(SEARCH_BOUND, search, "a search the time limit did not stop");
  }

  private static void assertEnginesStillAnswer() {
    List<String> failures = new ArrayList<>();
    for (KnowledgeBase engine : List.of(kb, unguarded)) {
      try {
        SearchResponse response = engine.search().search(SearchRequest.of("empathy"));
        if (response.total() == 0 || response.partial()) {
          failures.add("no normal answer: " + response.total());
        }
      } catch (IOException | RuntimeException e) {
        failures.add(e.toString());
      }
    }
    assertEquals(List.of(), failures);
  }
}
