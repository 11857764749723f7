package org.rapportkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.rapportkb.index.IndexFields;

/** Snippets of passages that matched by meaning. */
class PassageSnippetTest {
  private static final EnglishAnalyzer ANALYZER = new EnglishAnalyzer();

  @Test
  void wordsTheQuerySharesAreMarked() {
    String snippet =
        PassageSnippet.of(
            "Client: I'm only here because the judge said so.",
            new TermQuery(new Term(IndexFields.BODY, "judg")),
            ANALYZER);
    assertEquals("Client: I&#x27;m only here because the <mark>judge</mark> said so.", snippet);
  }

  @Test
  void aPassageThatSharesNoWordShowsItsOpeningEscaped() {
    String passage = "Client: <b>I'm</b> only here " + "because the judge said so. ".repeat(20);
    String snippet =
        PassageSnippet.of(passage, new TermQuery(new Term(IndexFields.BODY, "silenc")), ANALYZER);
    assertEquals(
        Snippets.escape(PassageSnippet.opening(passage)), snippet, "never empty, never raw HTML");
    assertEquals(true, snippet.endsWith(" …") && snippet.length() < 300, snippet);
    assertEquals(false, snippet.contains("<b>"), snippet);
  }

  @Test
  void aSnippetNeverStartsWithAStrayQuoteOrPunctuation() {
    assertEquals("Then he left.", Snippets.oneLine("\u201d Then he left."));
    assertEquals("Then he left.", Snippets.oneLine("&quot; Then he left."));
    assertEquals("Then he <mark>left</mark>.", Snippets.oneLine(", ; Then he <mark>left</mark>."));
    assertEquals(
        "&quot;Nobody listens,&quot; she said.",
        Snippets.oneLine("&quot;Nobody listens,&quot; she said."),
        "a quotation that opens the snippet and closes in it stays");
    assertEquals("I&#x27;m here.", Snippets.oneLine("&#x27; I&#x27;m here."));
  }
}
