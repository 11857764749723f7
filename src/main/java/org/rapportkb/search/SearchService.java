package org.rapportkb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.rapportkb.DaemonThreads;
import org.rapportkb.article.ArticleSummary;
import org.rapportkb.config.KbConfig;
import org.rapportkb.config.SemanticSettings;
import org.rapportkb.index.IndexFields;
import org.rapportkb.semantic.DenseRetriever;
import org.rapportkb.semantic.Embedder;
import org.rapportkb.semantic.Embedders;
import org.rapportkb.semantic.SemanticStatus;

/**
 * Answers searches and search-as-you-type from the current index. Knows nothing of HTTP or JSON;
 * bad requests raise {@link InvalidQueryException} with a message meant for people.
 */
public final class SearchService implements AutoCloseable {
  /** How empty queries list articles: in curriculum order. */
  private static final Sort LISTING = IndexFields.curriculumSort();

  /** How many word-based hits at least take part in the fusion with the semantic ones. */
  private static final int LEXICAL_CANDIDATES = 100;

  private final ReferenceManager<IndexSearcher> searchers;
  private final Supplier<KbConfig> configs;
  private final Analyzer indexAnalyzer;
  private final Supplier<SemanticStatus> semanticStatus;
  private final DenseRetriever retriever = new DenseRetriever();
  private final Completions completions;

  /** The config whose clause limit Lucene applies now (the limit is the whole process's). */
  private KbConfig clauseLimitOf;

  /**
   * @param searchers searchers made by {@link ReaderSearchers}, so each reader's state is built
   *     once
   * @param indexAnalyzer the analyzer articles were indexed with, for highlighting
   * @param semanticStatus whether passage vectors can be searched now
   */
  public SearchService(
      ReferenceManager<IndexSearcher> searchers,
      Supplier<KbConfig> configs,
      Analyzer indexAnalyzer,
      Supplier<SemanticStatus> semanticStatus) {
    this.searchers = searchers;
    this.configs = configs;
    this.indexAnalyzer = indexAnalyzer;
    this.semanticStatus = semanticStatus;
    this.completions = new Completions(searchers, configs);
    applyClauseLimit(configs.get());
  }

  public SearchResponse search(SearchRequest request) throws IOException {
    return answer(request).response();
  }

  /**
   * The same answer as {@link #search}, encoded by {@code encoder}; an answer kept for a search
   * asked again is encoded once.
   */
  public byte[] searchEncoded(SearchRequest request, Function<SearchResponse, byte[]> encoder)
      throws IOException {
    return answer(request).encoded(encoder);
  }

  /** The answer kept for {@code request} on the current index, else a new one. */
  private ResultCache.Answer answer(SearchRequest request) throws IOException {
    KbConfig config = configs.get();
    String query = RequestCheck.checked(request, config);
    applyClauseLimit(config);
    IndexSearcher searcher = searchers.acquire();
    try {
      ReaderState state = ReaderSearchers.stateOf(searcher, indexAnalyzer);
      ReaderState.ConfigBound bound = state.forConfig(config);
      return bound
          .results()
          .answer(request, () -> run(request, query, searcher, state, bound.spelling(), config));
    } catch (IndexSearcher.TooManyClauses e) {
      throw new InvalidQueryException(
          "the query matches too many different words; use fewer words or wildcards", e);
    } catch (TooComplexToDeterminizeException e) {
      throw new InvalidQueryException("the query is too complex; simplify its wildcards", e);
    } finally {
      searchers.release(searcher);
    }
  }

  /** Lucene keeps the clause limit for the whole process; an edited limits.yml applies here. */
  private synchronized void applyClauseLimit(KbConfig config) {
    if (clauseLimitOf != config) {
      IndexSearcher.setMaxClauseCount(Math.max(config.limits().maxClauses(), 64));
      clauseLimitOf = config;
    }
  }

  /** Runs {@code request} (its query already cleaned) on {@code shared}'s reader. */
  private SearchResponse run(
      SearchRequest request,
      String query,
      IndexSearcher shared,
      ReaderState state,
      SpellingCorrector spelling,
      KbConfig config)
      throws IOException {
    SemanticStatus semantic = semanticStatus.get();
    if (state.counter() == null) {
      return new SearchResponse(
          query,
          0,
          request.page(),
          request.size(),
          List.of(),
          MatchCounter.noFacets(),
          null,
          false,
          null,
          semantic.state());
    }
    // The model is loaded before the clock starts: a first search must not spend its time limit
    // waiting for it (warm() loads it ahead of the first request).
    SemanticSettings settings = config.semantic();
    Embedder embedder = query.isEmpty() ? null : embedder(semantic, settings);
    // The time limit bounds this request only: collection stops when it is up, and the spelling
    // check and the highlighting give way.
    QueryTimeout timeout = new QueryTimeoutImpl(config.limits().timeoutMillis());
    // Term enumeration (fuzzy and wildcard expansion while rewriting) is bounded too: the reader
    // the searcher reads stops it when the time is up. Hits are read from the plain view.
    DirectoryReader view = state.articles(request.includeDrafts());
    IndexSearcher searcher = timed(ExitableDirectoryReader.wrap(view, timeout), timeout);
    SpellingCorrector oneSearch = spelling.forOneSearch(timeout);
    KbQueryParser parser = new KbQueryParser(config.queryAnalyzer(), config.boosts(), oneSearch);
    ForgivingParse parsed =
        query.isEmpty() ? ForgivingParse.listing() : ForgivingParse.of(query, parser);
    Query matching = parser.matchingPart(parsed.query());
    String meaning = embedder == null ? null : QueryText.forMeaning(parsed.searched());
    int topN = request.page() * request.size();
    DenseRetriever.Matches dense =
        meaning == null
            ? DenseRetriever.Matches.NONE
            : retriever.retrieve(
                timed(shared.getIndexReader(), timeout), embedder, settings, meaning);
    Query semanticArticles = dense.isEmpty() ? null : bySlug(dense.bySlug().keySet());
    // Ranking and counting are separate passes: the top hits are scored with skipping (only what
    // can still reach the top is scored), the totals and facets in one pass without any scores.
    Query lexical = SearchFilters.narrowed(parsed.query(), request);
    List<HybridRanking.Ranked> ranked = List.of();
    boolean cut = false;
    try {
      if (query.isEmpty()) {
        ranked = listed(searcher.search(lexical, topN, LISTING).scoreDocs);
      } else {
        // Without semantic matches the fused order is the word order, so the top N are enough
        // (and let Lucene skip more); with them, more word hits take part in the fusion.
        int wanted = dense.isEmpty() ? topN : Math.max(topN, LEXICAL_CANDIDATES);
        ScoreDoc[] words = searcher.search(lexical, wanted).scoreDocs;
        ranked =
            HybridRanking.fuse(
                words, semanticDocs(searcher, semanticArticles, dense, request), settings);
      }
    } catch (ExitableDirectoryReader.ExitingReaderException e) {
      cut = true;
    }
    Query matches = semanticArticles == null ? matching : either(matching, semanticArticles);
    MatchCounter.Counts counts;
    try {
      counts = state.counter().count(searcher, matches, SearchFilters.values(request));
    } catch (ExitableDirectoryReader.ExitingReaderException e) {
      counts = new MatchCounter.Counts(ranked.size(), MatchCounter.noFacets());
      cut = true;
    }
    int from = Math.min(ranked.size(), (request.page() - 1) * request.size());
    List<HybridRanking.Ranked> page = ranked.subList(from, Math.min(ranked.size(), topN));
    List<SearchHit> hits =
        query.isEmpty()
            ? listedHits(view, page)
            : new HitPassages(view, state.snippets(), indexAnalyzer, settings)
                .hits(page, matching, request.explain(), !timeout.shouldExit());
    String suggestion =
        query.isEmpty() ? null : DidYouMean.suggestion(parsed.searched(), oneSearch);
    return new SearchResponse(
        query,
        counts.total(),
        request.page(),
        request.size(),
        List.copyOf(hits),
        counts.facets(),
        suggestion,
        cut || searcher.timedOut(),
        parsed.searched().equals(query) ? null : parsed.searched(),
        semantic.state());
  }

  /** A searcher of {@code reader} that stops collecting when {@code timeout} says so. */
  private static IndexSearcher timed(IndexReader reader, QueryTimeout timeout) {
    IndexSearcher searcher = new IndexSearcher(reader);
    searcher.setTimeout(timeout);
    return searcher;
  }

  /** The embedder to search by meaning with, or null when semantic search cannot take part. */
  private static Embedder embedder(SemanticStatus status, SemanticSettings settings) {
    if (!settings.enabled() || !status.usable()) {
      return null;
    }
    return Embedders.get(settings.model(), settings.threads()).embedder();
  }

  private static Query bySlug(java.util.Collection<String> slugs) {
    List<BytesRef> terms = new ArrayList<>(slugs.size());
    for (String slug : slugs) {
      terms.add(new BytesRef(slug));
    }
    return new TermInSetQuery(IndexFields.SLUG, terms);
  }

  private static Query either(Query one, Query other) {
    return new BooleanQuery.Builder()
        .add(one, BooleanClause.Occur.SHOULD)
        .add(other, BooleanClause.Occur.SHOULD)
        .build();
  }

  /** The semantic matches among the articles the request's filters let through, by document. */
  private static Map<Integer, DenseRetriever.ArticleMatch> semanticDocs(
      IndexSearcher searcher,
      Query semanticArticles,
      DenseRetriever.Matches dense,
      SearchRequest request)
      throws IOException {
    if (semanticArticles == null) {
      return Map.of();
    }
    Map<Integer, DenseRetriever.ArticleMatch> byDoc = new HashMap<>();
    Query allowed = SearchFilters.narrowed(semanticArticles, request);
    for (ScoreDoc hit : searcher.search(allowed, dense.bySlug().size()).scoreDocs) {
      String slug = IndexFields.summary(searcher.getIndexReader(), hit.doc).slug();
      DenseRetriever.ArticleMatch match = dense.bySlug().get(slug);
      if (match != null) {
        byDoc.put(hit.doc, match);
      }
    }
    return byDoc;
  }

  private static List<HybridRanking.Ranked> listed(ScoreDoc[] docs) {
    List<HybridRanking.Ranked> ranked = new ArrayList<>(docs.length);
    for (ScoreDoc doc : docs) {
      ranked.add(new HybridRanking.Ranked(doc.doc, 0, 0, null, 0, 0));
    }
    return ranked;
  }

  private static List<SearchHit> listedHits(IndexReader reader, List<HybridRanking.Ranked> page)
      throws IOException {
    List<SearchHit> hits = new ArrayList<>(page.size());
    for (HybridRanking.Ranked hit : page) {
      ArticleSummary listing = IndexFields.summary(reader, hit.doc());
      hits.add(HitPassages.summaryHit(listing, 0f, null, null));
    }
    return hits;
  }

  /** Completions for what a trainee has typed so far. */
  public List<Suggestion> suggest(String typed) throws IOException {
    return completions.suggest(typed);
  }

  /**
   * Prepares what the first requests need ahead of them, in the background: the title completions
   * (a suggestion asked for meanwhile waits for them) and, when search by meaning is on, the
   * embedding model (a search asked for meanwhile waits for it before its time limit starts). Each
   * reader's own state is built when it opens.
   */
  public void warm() {
    completions.refreshInBackground();
    SemanticSettings settings = configs.get().semantic();
    if (settings.enabled()) {
      DaemonThreads.named("model-load")
          .newThread(() -> Embedders.get(settings.model(), settings.threads()))
          .start();
    }
  }

  @Override
  public void close() throws IOException {
    completions.close();
  }
}
