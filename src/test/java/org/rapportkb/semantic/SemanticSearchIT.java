package org.rapportkb.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.Eventually;
import org.rapportkb.Fixture;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.index.ProgressListener;
import org.rapportkb.search.SearchHit;
import org.rapportkb.search.SearchRequest;
import org.rapportkb.search.SearchResponse;

/** Search by meaning over the fixture corpus, with the bundled embedding model switched on. */
class SemanticSearchIT {
  /** A situation as a trainee types it; the mandated-clients article answers it. */
  static final String SITUATION = "court ordered client will not talk";

  @TempDir Path dir;

  private KnowledgeBase open(String semanticYaml) throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    Files.writeString(paths.config().resolve("semantic.yml"), semanticYaml);
    KnowledgeBase kb = KnowledgeBase.open(paths);
    kb.sync(false, ProgressListener.NONE);
    kb.embedPassages(ProgressListener.NONE);
    return kb;
  }

  private static List<String> slugs(SearchResponse response) {
    return response.hits().stream().map(h -> h.article().slug()).toList();
  }

  @Test
  void aSituationFindsItsTechniqueByMeaningAndShowsThePassage() throws Exception {
    try (KnowledgeBase kb = open("enabled: true\n")) {
      assertEquals("ready", kb.semanticStatus().state());
      SearchResponse response = kb.search().search(SearchRequest.of(SITUATION).withExplain(true));
      assertEquals("ready", response.semantic());
      assertEquals("mandated-clients", slugs(response).get(0), slugs(response).toString());
      SearchHit hit = response.hits().get(0);
      assertTrue(hit.explain().semanticShare() > 0, hit.explain().toString());
      assertTrue(hit.passage().url().startsWith("/articles/mandated-clients"), hit.passage().url());
      assertFalse(hit.passage().heading().isBlank());
      assertFalse(hit.snippet().isBlank(), "a match by meaning still gets a readable snippet");
      assertEquals(response.total(), response.hits().size());
    }
  }

  @Test
  void warmingUpLoadsTheModelBeforeAnySearchAsksForIt() throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    // A thread count no other test asks for: this process has not loaded that model yet.
    Files.writeString(paths.config().resolve("semantic.yml"), "enabled: true\nthreads: 5\n");
    try (KnowledgeBase kb = KnowledgeBase.open(paths)) {
      kb.sync(false, ProgressListener.NONE);
      assertFalse(Embedders.isLoaded("all-minilm-l6-v2-q", 5), "loaded before warming up");
      kb.search().warm();
      Eventually.await(
          Duration.ofMinutes(1),
          "the model loaded after warm()",
          () -> Embedders.isLoaded("all-minilm-l6-v2-q", 5));
      SearchResponse first = kb.search().search(SearchRequest.of(SITUATION));
      assertTrue(slugs(first).contains("mandated-clients"), slugs(first).toString());
    }
  }

  @Test
  void nonsenseAndUnknownWordsFindNothingAboveTheSimilarityFloor() throws Exception {
    try (KnowledgeBase kb = open("enabled: true\n")) {
      for (String nonsense : List.of("quantum chromodynamics", "pizza recipe", "zxqv wplk")) {
        SearchResponse response = kb.search().search(SearchRequest.of(nonsense));
        assertEquals(0, response.total(), nonsense + " found " + slugs(response));
      }
    }
  }

  @Test
  void aDeletedArticleIsNeverFoundThroughItsOldPassages() throws Exception {
    try (KnowledgeBase kb = open("enabled: true\n")) {
      Files.delete(kb.paths().articles().resolve("assessment/mandated-clients.md"));
      kb.sync(false, ProgressListener.NONE);
      // Its passages may still be in the index until the vectors catch up: no hit may come of them.
      SearchResponse response = kb.search().search(SearchRequest.of(SITUATION));
      assertFalse(slugs(response).contains("mandated-clients"), slugs(response).toString());
      kb.embedPassages(ProgressListener.NONE);
      assertFalse(
          slugs(kb.search().search(SearchRequest.of(SITUATION))).contains("mandated-clients"));
    }
  }

  @Test
  void onlyAChangedArticleIsEmbeddedAgain() throws Exception {
    try (KnowledgeBase kb = open("enabled: true\n")) {
      long before = kb.articlesEmbedded();
      Path file = kb.paths().articles().resolve("attending/using-silence.md");
      Files.writeString(file, Files.readString(file) + "\nOne more closing line.\n");
      kb.sync(false, ProgressListener.NONE);
      kb.embedPassages(ProgressListener.NONE); // waits for the background pass, if one runs
      assertEquals(before + 1, kb.articlesEmbedded());
      assertEquals(0, kb.passagesPending());
    }
  }

  @Test
  void hostileTextReachesTheModelHarmlessly() throws Exception {
    try (KnowledgeBase kb = open("enabled: true\n")) {
      for (String hostile :
          List.of(
              "client\u0000\u0007\u001b cried",
              "\uD83D\uDE00 empathy \uD83D\uDC4D",
              "\uD800 lone surrogate",
              "\u202Eevil right to left\u202C silence",
              "x".repeat(499),
              "שלום العربية 中文 client will not talk",
              "pneumonoultramicroscopicsilicovolcanoconiosis ".repeat(10).strip())) {
        SearchResponse response = kb.search().search(SearchRequest.of(hostile));
        assertEquals("ready", response.semantic(), hostile);
      }
      assertFalse(kb.search().search(SearchRequest.of(SITUATION)).hits().isEmpty());
    }
  }

  @Test
  void switchedOffSearchIsByWordsAlone() throws Exception {
    try (KnowledgeBase kb = open("enabled: false\n")) {
      assertEquals("off", kb.semanticStatus().state());
      SearchResponse response = kb.search().search(SearchRequest.of(SITUATION).withExplain(true));
      assertEquals("off", response.semantic());
      assertFalse(response.hits().isEmpty());
      for (SearchHit hit : response.hits()) {
        assertEquals(0f, hit.explain().semanticShare(), hit.toString());
      }
      assertEquals(0, kb.embedPassages(ProgressListener.NONE));
    }
  }
}
