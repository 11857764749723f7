package org.rapportkb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
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
import org.rapportkb.article.Level;
import org.rapportkb.article.Slugs;
import org.rapportkb.config.KbConfig;
import org.rapportkb.config.QueryLimits;
import org.rapportkb.config.SemanticSettings;
import org.rapportkb.index.Deadline;
import org.rapportkb.index.IndexFields;
import org.rapportkb.semantic.DenseRetriever;
import org.rapportkb.semantic.Embedder;
import org.rapportkb.semantic.Embedders;
import org.rapportkb.semantic.SemanticStatus;

/**
 * Answers searches and search-as-you-type from the current index. Knows nothing of HTTP; bad
 * requests raise {@link InvalidQueryException} with a message meant for people.
 */
public final class SearchService implements AutoCloseable {
  /** How empty queries list articles: in curriculum order. */
  private static final Sort LISTING = IndexFields.curriculumSort();

  private static final int SUGGESTIONS = 8;

  /** How many word-based hits at least take part in the fusion with the semantic ones. */
  private static final int LEXICAL_CANDIDATES = 100;

  /** A word outside field names ({@code title:}) and wildcard or fuzzy terms. */
  private static final java.util.regex.Pattern CORRECTABLE_WORD =
      java.util.regex.Pattern.compile("\\b\\p{L}[\\p{L}']*+(?!\\s*:)(?![*~?])");

  private final ReferenceManager<IndexSearcher> searchers;
  private final Supplier<KbConfig> configs;
  private final Analyzer indexAnalyzer;
  private final FacetsConfig facetsConfig = IndexFields.facetsConfig();
  private static final Logger LOG = Logger.getLogger(SearchService.class.getName());
  private final TitleSuggester titles = new TitleSuggester();
  private final AtomicBoolean titleRefreshQueued = new AtomicBoolean();
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(DaemonThreads.named("rapport-kb-completions"));
  private volatile SearcherState state;
  private final Supplier<SemanticStatus> semanticStatus;
  private final DenseRetriever retriever = new DenseRetriever();

  /**
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
    IndexSearcher.setMaxClauseCount(maxClauses(configs.get()));
  }

  public SearchResponse search(SearchRequest request) throws IOException {
    return answer(request).response();
  }

  /** The same answer as {@link #search}, as the {@code /api/search} JSON in UTF-8. */
  public byte[] searchAsJson(SearchRequest request) throws IOException {
    return answer(request).json();
  }

  /** The answer kept for {@code request} on the current index, else a new one. */
  private ResultCache.Answer answer(SearchRequest request) throws IOException {
    KbConfig config = configs.get();
    QueryLimits limits = config.limits();
    checkPage(request, limits);
    String query = QueryGuard.clean(request.query(), limits);
    checkFilters(request, config);
    IndexSearcher searcher = searchers.acquire();
    try {
      SearcherState current = stateFor(searcher, config);
      ResultCache.Answer kept = current.results().get(request);
      if (kept != null) {
        return kept;
      }
      return current.results().keep(request, run(request, query, searcher, current, config));
    } catch (IndexSearcher.TooManyClauses e) {
      throw new InvalidQueryException(
          "the query matches too many different words; use fewer words or wildcards", e);
    } catch (TooComplexToDeterminizeException e) {
      throw new InvalidQueryException("the query is too complex; simplify its wildcards", e);
    } finally {
      searchers.release(searcher);
    }
  }

  /** Runs {@code request} (its query already cleaned) on {@code searcher}. */
  private SearchResponse run(
      SearchRequest request,
      String query,
      IndexSearcher searcher,
      SearcherState current,
      KbConfig config)
      throws IOException {
    SemanticStatus semantic = semanticStatus.get();
    if (current.counter() == null) {
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
    SpellingCorrector spelling = current.spelling().forOneSearch();
    KbQueryParser parser = new KbQueryParser(config.queryAnalyzer(), config.boosts(), spelling);
    ForgivingParse parsed =
        query.isEmpty() ? ForgivingParse.listing() : ForgivingParse.of(query, parser);
    Query matching = parser.matchingPart(parsed.query());
    SemanticSettings settings = config.semantic();
    Embedder embedder = query.isEmpty() ? null : embedder(semantic, settings);
    String meaning = embedder == null ? null : QueryText.forMeaning(parsed.searched());
    int topN = request.page() * request.size();
    List<HybridRanking.Ranked> ranked;
    MatchCounter.Counts counts;
    boolean partial;
    Deadline.INSTANCE.start(config.limits().timeoutMillis());
    try {
      DenseRetriever.Matches dense =
          meaning == null
              ? DenseRetriever.Matches.NONE
              : retriever.retrieve(searcher, embedder, settings, meaning);
      Query semanticArticles = dense.isEmpty() ? null : bySlug(dense.bySlug().keySet());
      // Ranking and counting are separate passes: the top hits are scored with skipping (only
      // what can still reach the top is scored), the totals and facets without any scores.
      DrillDownQuery lexical = filteredBy(withDraftFilter(parsed.query(), request), request);
      if (query.isEmpty()) {
        ranked = listed(searcher.search(lexical, topN, LISTING).scoreDocs);
      } else {
        ScoreDoc[] words = searcher.search(lexical, Math.max(topN, LEXICAL_CANDIDATES)).scoreDocs;
        ranked =
            HybridRanking.fuse(
                words, semanticDocs(searcher, semanticArticles, dense, request), settings);
      }
      // NOTE: the drill-sideways scorer must see each segment whole, which the time-limited
      // scorer of the shared searcher does not allow; filtered counts run untimed on the same
      // reader (filters only shrink the work).
      IndexSearcher counting =
          filtered(request) ? new IndexSearcher(searcher.getIndexReader()) : searcher;
      Query matches = semanticArticles == null ? matching : either(matching, semanticArticles);
      counts =
          current
              .counter()
              .count(
                  counting,
                  filteredBy(new ConstantScoreQuery(withDraftFilter(matches, request)), request));
      partial = Deadline.INSTANCE.expired();
    } finally {
      Deadline.INSTANCE.clear();
    }
    int from = Math.min(ranked.size(), (request.page() - 1) * request.size());
    List<HybridRanking.Ranked> page = ranked.subList(from, Math.min(ranked.size(), topN));
    List<SearchHit> hits =
        query.isEmpty()
            ? listedHits(searcher, page)
            : new HitPassages(
                    searcher.getIndexReader(), current.snippets(), indexAnalyzer, settings)
                .hits(page, matching, request.explain());
    String suggestion = query.isEmpty() ? null : suggestion(parsed.searched(), spelling);
    return new SearchResponse(
        query,
        counts.total(),
        request.page(),
        request.size(),
        List.copyOf(hits),
        counts.facets(),
        suggestion,
        partial,
        parsed.searched().equals(query) ? null : parsed.searched(),
        semantic.state());
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
  private Map<Integer, DenseRetriever.ArticleMatch> semanticDocs(
      IndexSearcher searcher,
      Query semanticArticles,
      DenseRetriever.Matches dense,
      SearchRequest request)
      throws IOException {
    if (semanticArticles == null) {
      return Map.of();
    }
    Map<Integer, DenseRetriever.ArticleMatch> byDoc = new HashMap<>();
    Query allowed = filteredBy(withDraftFilter(semanticArticles, request), request);
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

  private static List<SearchHit> listedHits(IndexSearcher searcher, List<HybridRanking.Ranked> page)
      throws IOException {
    List<SearchHit> hits = new ArrayList<>(page.size());
    for (HybridRanking.Ranked hit : page) {
      ArticleSummary listing = IndexFields.summary(searcher.getIndexReader(), hit.doc());
      hits.add(HitPassages.summaryHit(listing, 0f, null, null));
    }
    return hits;
  }

  /** Completions for what a trainee has typed so far. */
  public List<Suggestion> suggest(String typed) throws IOException {
    if (typed == null || typed.isBlank()) {
      return List.of();
    }
    String cleaned = QueryGuard.clean(typed, configs.get().limits());
    IndexSearcher searcher = searchers.acquire();
    try {
      if (titles.isBuilt()) {
        if (titles.isStale(searcher.getIndexReader())) {
          refreshTitlesInBackground();
        }
      } else {
        titles.rebuildIfStale(searcher.getIndexReader());
      }
      return titles.suggest(cleaned, SUGGESTIONS);
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * Prepares per-index structures ahead of the first request: the facets and spelling state now,
   * the title completions in the background (a suggestion asked for meanwhile waits for them).
   */
  public void warm() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      stateFor(searcher, configs.get());
    } finally {
      searchers.release(searcher);
    }
    refreshTitlesInBackground();
  }

  /**
   * Rebuilds the title completions from the current index on the background thread, unless a
   * rebuild is already waiting there; until it is done, suggestions come from the previous build.
   */
  private void refreshTitlesInBackground() {
    if (!titleRefreshQueued.compareAndSet(false, true)) {
      return;
    }
    try {
      background.execute(
          () -> {
            titleRefreshQueued.set(false);
            try {
              IndexSearcher current = searchers.acquire();
              try {
                titles.rebuildIfStale(current.getIndexReader());
              } finally {
                searchers.release(current);
              }
            } catch (IOException | RuntimeException e) {
              LOG.log(
                  java.util.logging.Level.WARNING, "cannot rebuild the title completions: " + e, e);
            }
          });
    } catch (RejectedExecutionException e) {
      titleRefreshQueued.set(false);
    }
  }

  private SearcherState stateFor(IndexSearcher searcher, KbConfig config) throws IOException {
    SearcherState previous = state;
    SearcherState fresh = SearcherState.forSearcher(previous, searcher, config, indexAnalyzer);
    if (previous == null || previous.config() != config) {
      // NOTE: Lucene keeps this limit for the whole process; an edited limits.yml applies here.
      IndexSearcher.setMaxClauseCount(maxClauses(config));
    }
    state = fresh;
    return fresh;
  }

  private static int maxClauses(KbConfig config) {
    return Math.max(config.limits().maxClauses(), 64);
  }

  private static void checkPage(SearchRequest request, QueryLimits limits) {
    if (request.page() < 1) {
      throw new InvalidQueryException("page must be 1 or more");
    }
    if (request.size() < 1 || request.size() > limits.maxPageSize()) {
      throw new InvalidQueryException("size must be between 1 and " + limits.maxPageSize());
    }
    if ((long) request.page() * request.size() > limits.resultWindow()) {
      throw new InvalidQueryException(
          "only the first "
              + limits.resultWindow()
              + " results can be paged through; narrow the search");
    }
  }

  private static void checkFilters(SearchRequest request, KbConfig config) {
    if (present(request.category()) && config.category(request.category()).isEmpty()) {
      throw new InvalidQueryException("unknown category '" + shown(request.category()) + "'");
    }
    if (present(request.level()) && Level.parse(request.level()).isEmpty()) {
      throw new InvalidQueryException(
          "unknown level '" + shown(request.level()) + "' (use " + Level.allSlugs() + ")");
    }
    if (present(request.tag()) && !Slugs.isValid(request.tag())) {
      throw new InvalidQueryException("a tag is lowercase words joined by '-'");
    }
  }

  private static boolean filtered(SearchRequest request) {
    return present(request.category()) || present(request.level()) || present(request.tag());
  }

  /** A client's value as quoted back in a message: cut short, so a huge value stays out. */
  private static String shown(String value) {
    return value.length() <= 60 ? value : value.substring(0, 60) + "…";
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  /** {@code base} narrowed to the request's category, level and tag. */
  private DrillDownQuery filteredBy(Query base, SearchRequest request) {
    DrillDownQuery drill = new DrillDownQuery(facetsConfig, base);
    addFilter(drill, IndexFields.CATEGORY, request.category());
    addFilter(drill, IndexFields.LEVEL, request.level());
    addFilter(drill, IndexFields.TAG, request.tag());
    return drill;
  }

  private static void addFilter(DrillDownQuery drill, String dim, String value) {
    if (present(value)) {
      drill.add(dim, value);
    }
  }

  private static Query withDraftFilter(Query query, SearchRequest request) {
    return request.includeDrafts() ? IndexFields.articles(query) : IndexFields.published(query);
  }

  private static String suggestion(String query, SpellingCorrector spelling) {
    String corrected = correctOutsideFields(query, spelling);
    return corrected.equalsIgnoreCase(query) ? null : corrected;
  }

  /** Corrects each run of words, leaving field names ({@code title:}) and operators alone. */
  private static String correctOutsideFields(String query, SpellingCorrector spelling) {
    StringBuilder out = new StringBuilder();
    java.util.regex.Matcher matcher = CORRECTABLE_WORD.matcher(query);
    int last = 0;
    while (matcher.find()) {
      String word = matcher.group();
      boolean operator = word.equals("AND") || word.equals("OR") || word.equals("NOT");
      out.append(query, last, matcher.start()).append(operator ? word : spelling.correct(word));
      last = matcher.end();
    }
    return out.append(query.substring(last)).toString();
  }

  @Override
  public void close() throws IOException {
    background.shutdownNow();
    try {
      background.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    titles.close();
  }
}
