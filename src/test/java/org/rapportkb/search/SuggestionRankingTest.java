package org.rapportkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.Fixture;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.index.ProgressListener;

/** Search-as-you-type over the project's own articles: the order, alias rows and marks. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuggestionRankingTest {
  private KnowledgeBase kb;

  @BeforeAll
  void open(@TempDir Path dir) throws Exception {
    Fixture.copyTree(Path.of("articles"), dir.resolve("articles"));
    Fixture.copyTree(Path.of("index-config"), dir.resolve("index-config"));
    Files.writeString(
        dir.resolve("index-config/semantic.yml"), "enabled: false\n", StandardCharsets.UTF_8);
    kb =
        KnowledgeBase.open(
            new KnowledgeBase.Paths(
                dir.resolve("articles"), dir.resolve("index-config"), dir.resolve("index")));
    kb.sync(false, ProgressListener.NONE);
  }

  @AfterAll
  void close() throws Exception {
    kb.close();
  }

  private List<Suggestion> suggest(String typed) throws Exception {
    return kb.search().suggest(typed);
  }

  private static List<String> texts(List<Suggestion> suggestions) {
    return suggestions.stream().map(Suggestion::text).toList();
  }

  @Test
  void theWholeTitleComesFirstThenTitlesThatStartWithTheWord() throws Exception {
    List<Suggestion> emp = suggest("emp");
    assertEquals(
        new Suggestion("Empathy", "empathy", "Empathy", false, List.of(new Suggestion.Mark(0, 3))),
        emp.get(0));
    assertEquals(
        List.of("Empathy", "Empathic conjecture", "Empathy vs. sympathy"),
        texts(emp).subList(0, 3),
        "titles that start with 'emp', shortest first");
    int firstAlias =
        texts(emp).indexOf(emp.stream().filter(Suggestion::alias).findFirst().get().text());
    for (Suggestion before : emp.subList(0, firstAlias)) {
      assertFalse(before.alias(), before.toString());
      assertTrue(before.text().toLowerCase().startsWith("emp"), before.toString());
    }

    assertEquals("Empathy", suggest("empathy").get(0).text());
    assertEquals("Empathy vs. sympathy", suggest("empathy vs").get(0).text());
    assertEquals("empathy-vs-sympathy", suggest("Empathy vs. sympathy").get(0).slug());
  }

  @Test
  void oneRowPerArticleWithItsBestMatch() throws Exception {
    List<Suggestion> emp = suggest("emp");
    assertEquals(emp.size(), emp.stream().map(Suggestion::slug).distinct().count());
    assertTrue(emp.size() <= 8, emp.toString());
  }

  @Test
  void anAliasRowNamesTheArticleItOpens() throws Exception {
    Suggestion cognitive = suggest("cognitive emp").get(0);
    assertEquals(
        new Suggestion(
            "cognitive empathy",
            "perspective-taking",
            "Perspective-taking",
            true,
            List.of(new Suggestion.Mark(0, 9), new Suggestion.Mark(10, 13))),
        cognitive);

    Suggestion title = suggest("perspective").get(0);
    assertEquals("Perspective-taking", title.text());
    assertEquals(title.text(), title.title());
    assertFalse(title.alias());
  }

  @Test
  void everyWordThatMatchesIsMarked() throws Exception {
    Suggestion carkhuff =
        suggest("carkhuff emp").stream()
            .filter(s -> s.text().equals("Carkhuff empathy levels"))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of(new Suggestion.Mark(0, 8), new Suggestion.Mark(9, 12)), carkhuff.marks());
  }

  @Test
  void keywordListsAreNotOfferedButStillFound() throws Exception {
    String list = "open questions affirmations reflections summaries";
    assertTrue(KeywordList.isKeywordList(list));
    assertTrue(texts(suggest("oars")).contains("OARS skills"), "the article is indexed");
    for (String typed : List.of("open questions affirm", "affirmations refl", "summaries")) {
      List<Suggestion> suggestions = suggest(typed);
      assertFalse(texts(suggestions).contains(list), typed + ": " + suggestions);
      for (Suggestion suggestion : suggestions) {
        assertFalse(KeywordList.isKeywordList(suggestion.text()), typed + ": " + suggestion);
      }
    }
    SearchResponse byAlias = kb.search().search(SearchRequest.of("alias:\"" + list + "\""));
    assertEquals("oars-skills", byAlias.hits().get(0).article().slug());
  }
}
