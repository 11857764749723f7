package org.rapportkb.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.rapportkb.index.IndexFields;

/**
 * The classic Lucene query syntax over rapport-kb's fields: unfielded words search every text field
 * with its boost (best field wins, the others add a little), an exact title or alias phrase adds
 * more, and unknown words are spell-corrected or matched fuzzily. {@code title:}, {@code tag:},
 * {@code category:} and {@code level:} restrict to one field.
 */
final class KbQueryParser extends QueryParser {
  static final String ANY_FIELD = "_any";

  /** A field name for analyzing text once before it is spread over the combined fields. */
  private static final String COMBINED_FIELD = "_combined";

  private static final float TIE_BREAKER = 0.5f;
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}']+");

  /**
   * Unknown words matched fuzzily in one query, at most: each expands over every field, and a query
   * of many made-up words would otherwise cost a second or more.
   */
  static final int MAX_FUZZY_WORDS = 4;

  private static final float PHRASE_BONUS = 2f;
  private static final float EXACT_NAME_BONUS = 4f;
  private static final int NEARBY_SLOP = 3;
  private static final Map<String, String> TEXT_FIELDS =
      Map.of(
          "title", IndexFields.TITLE,
          "alias", IndexFields.ALIASES,
          "aliases", IndexFields.ALIASES,
          "summary", IndexFields.SUMMARY,
          "body", IndexFields.BODY,
          "client", IndexFields.CLIENT);
  private static final Map<String, String> KEYWORD_FIELDS =
      Map.of(
          "tag", IndexFields.TAG,
          "tags", IndexFields.TAG,
          "category", IndexFields.CATEGORY,
          "level", IndexFields.LEVEL,
          "slug", IndexFields.SLUG);

  private final Map<String, Float> boosts;
  private final SpellingCorrector spelling;
  private int fuzzyWords;

  /** The clauses this parser added for ranking only: phrase, proximity and exact-name bonuses. */
  private final Set<Query> bonuses = Collections.newSetFromMap(new IdentityHashMap<>());

  /**
   * @param boosts boost per configured field name (title, aliases, summary, tags, client, body)
   */
  KbQueryParser(Analyzer analyzer, Map<String, Float> boosts, SpellingCorrector spelling) {
    super(ANY_FIELD, analyzer);
    this.boosts = boosts;
    this.spelling = spelling;
    setDefaultOperator(Operator.OR);
    setSplitOnWhitespace(false);
    setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    setAllowLeadingWildcard(false);
    setFuzzyMinSim(2f);
  }

  private static String indexField(String configField) {
    return configField.equals("tags") ? IndexFields.TAGS_TEXT : configField;
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted)
      throws ParseException {
    if (ANY_FIELD.equals(field)) {
      return anyField(queryText, quoted);
    }
    String keyword = KEYWORD_FIELDS.get(field.toLowerCase(Locale.ROOT));
    if (keyword != null) {
      return new TermQuery(new Term(keyword, queryText.strip().toLowerCase(Locale.ROOT)));
    }
    String text = TEXT_FIELDS.get(field.toLowerCase(Locale.ROOT));
    if (text != null) {
      return super.getFieldQuery(text, quoted ? queryText : spelling.correct(queryText), quoted);
    }
    // Not a field we know ("note: client cries"): read the field name as a word.
    return anyField(field + " " + queryText, quoted);
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
    if (ANY_FIELD.equals(field)) {
      return everyField(
          f -> {
            try {
              return super.getFieldQuery(f, queryText, slop);
            } catch (ParseException e) {
              return null;
            }
          });
    }
    return super.getFieldQuery(mapTextField(field), queryText, slop);
  }

  private Query anyField(String queryText, boolean quoted) throws ParseException {
    String text = quoted ? queryText : spelling.correct(queryText);
    Query best = quoted ? null : combinedFields(text);
    if (best == null) {
      best = everyField(f -> analyzed(f, text, quoted));
    }
    if (best == null) {
      return null;
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    query.add(best, BooleanClause.Occur.SHOULD);
    if (!quoted && text.strip().contains(" ")) {
      for (String field : List.of(IndexFields.TITLE, IndexFields.ALIASES)) {
        Query phrase = analyzed(field, text, true);
        if (phrase != null) {
          float boost = boosts.getOrDefault(field, 1f) * PHRASE_BONUS;
          query.add(bonus(new BoostQuery(phrase, boost)), BooleanClause.Occur.SHOULD);
        }
      }
      for (String field : List.of(IndexFields.SUMMARY, IndexFields.CLIENT, IndexFields.BODY)) {
        Query near = nearby(field, text);
        if (near != null) {
          float boost = boosts.getOrDefault(field, 1f) * PHRASE_BONUS;
          query.add(bonus(new BoostQuery(near, boost)), BooleanClause.Occur.SHOULD);
        }
      }
    }
    String name = IndexFields.exactName(text);
    if (!name.isEmpty()) {
      float boost = boosts.getOrDefault(IndexFields.TITLE, 1f) * EXACT_NAME_BONUS;
      query.add(
          bonus(new BoostQuery(new TermQuery(new Term(IndexFields.EXACT_NAME, name)), boost)),
          BooleanClause.Occur.SHOULD);
    }
    if (!quoted) {
      for (String word : NOT_WORD.split(text)) {
        if (fuzzyWords < MAX_FUZZY_WORDS && word.length() >= 4 && !spelling.isKnown(word)) {
          query.add(fuzzy(word.toLowerCase(Locale.ROOT)), BooleanClause.Occur.SHOULD);
          fuzzyWords++;
        }
      }
    }
    return query.build();
  }

  /**
   * The words of {@code text} scored as one document made of every text field (BM25F): a word's
   * occurrences count in proportion to its field's boost, and the length that normalizes them is
   * the whole article's, so a common word in a short title no longer outweighs a rarer one in the
   * body. Null when the analyzed text holds a query this cannot combine.
   */
  private Query combinedFields(String text) {
    Query plain = analyzed(COMBINED_FIELD, text, false);
    return plain == null ? null : combined(plain);
  }

  private Query combined(Query query) {
    if (query instanceof TermQuery term) {
      CombinedFieldQuery.Builder combined = new CombinedFieldQuery.Builder(term.getTerm().bytes());
      for (Map.Entry<String, Float> boost : boosts.entrySet()) {
        combined.addField(indexField(boost.getKey()), Math.max(1f, boost.getValue()));
      }
      return combined.build();
    }
    if (query instanceof SynonymQuery synonyms) {
      List<Query> each = new ArrayList<>();
      for (Term term : synonyms.getTerms()) {
        each.add(combined(new TermQuery(term)));
      }
      return new DisjunctionMaxQuery(each, 0f);
    }
    if (query instanceof BooleanQuery bool) {
      BooleanQuery.Builder rebuilt =
          new BooleanQuery.Builder()
              .setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
      for (BooleanClause clause : bool.clauses()) {
        Query inner = combined(clause.query());
        if (inner == null) {
          return null;
        }
        rebuilt.add(inner, clause.occur());
      }
      return rebuilt.build();
    }
    if (query instanceof PhraseQuery phrase) {
      return everyField(
          f -> {
            PhraseQuery.Builder onField = new PhraseQuery.Builder().setSlop(phrase.getSlop());
            Term[] terms = phrase.getTerms();
            int[] positions = phrase.getPositions();
            for (int i = 0; i < terms.length; i++) {
              onField.add(new Term(f, terms[i].bytes()), positions[i]);
            }
            return onField.build();
          });
    }
    return null;
  }

  private Query bonus(Query clause) {
    bonuses.add(clause);
    return clause;
  }

  /**
   * A query this parser returned, reduced to what decides whether an article matches: the clauses
   * added for ranking only (phrase and proximity bonuses, which only match articles the words match
   * anyway) dropped, boosts removed, best-field choices and words over combined fields turned into
   * plain disjunctions of their terms. Counting matches with it needs no scores and no positions
   * (and Lucene counts a plain disjunction in bulk windows rather than through one merged
   * iterator), and a snippet highlights its words without verifying every sloppy phrase.
   */
  Query matchingPart(Query parsed) {
    if (parsed instanceof BooleanQuery bool) {
      BooleanQuery.Builder kept =
          new BooleanQuery.Builder()
              .setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
      for (BooleanClause clause : bool.clauses()) {
        if (!bonuses.contains(clause.query())) {
          kept.add(matchingPart(clause.query()), clause.occur());
        }
      }
      return kept.build();
    }
    if (parsed instanceof BoostQuery boosted) {
      return matchingPart(boosted.getQuery());
    }
    if (parsed instanceof CombinedFieldQuery combined) {
      List<Term> terms = new ArrayList<>();
      combined.visit(
          new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
              return this;
            }

            @Override
            public void consumeTerms(Query query, Term... found) {
              terms.addAll(List.of(found));
            }
          });
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (Term term : terms) {
        any.add(new TermQuery(term), BooleanClause.Occur.SHOULD);
      }
      return any.build();
    }
    if (parsed instanceof DisjunctionMaxQuery best) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (Query disjunct : best.getDisjuncts()) {
        any.add(matchingPart(disjunct), BooleanClause.Occur.SHOULD);
      }
      return any.build();
    }
    return parsed;
  }

  private Query analyzed(String field, String text, boolean quoted) {
    try {
      return super.getFieldQuery(field, text, quoted);
    } catch (ParseException e) {
      return null;
    }
  }

  /** The words close together (a sloppy phrase), as trainees describe a situation. */
  private Query nearby(String field, String text) {
    try {
      return super.getFieldQuery(field, text, NEARBY_SLOP);
    } catch (ParseException e) {
      return null;
    }
  }

  private Query fuzzy(String word) {
    int edits = word.length() >= 6 ? 2 : 1;
    return everyField(f -> new FuzzyQuery(new Term(f, word), edits, 1, 20, true));
  }

  /** The best-scoring field's query, with every other field adding a share of its score. */
  private Query everyField(Function<String, Query> perField) {
    List<Query> disjuncts = new ArrayList<>();
    for (Map.Entry<String, Float> boost : boosts.entrySet()) {
      Query query = perField.apply(indexField(boost.getKey()));
      if (query != null) {
        disjuncts.add(new BoostQuery(query, boost.getValue()));
      }
    }
    return disjuncts.isEmpty() ? null : new DisjunctionMaxQuery(disjuncts, TIE_BREAKER);
  }

  private String mapTextField(String field) throws ParseException {
    String text = TEXT_FIELDS.get(field.toLowerCase(Locale.ROOT));
    if (text == null) {
      throw new ParseException(
          "'" + field + ":' cannot be used here; use title:, tag:, category: or level:");
    }
    return text;
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    String prefix = termStr.toLowerCase(Locale.ROOT);
    if (prefix.length() < 2) {
      throw new ParseException("a prefix search needs at least two letters before '*'");
    }
    if (ANY_FIELD.equals(field)) {
      return everyField(f -> new PrefixQuery(new Term(f, prefix)));
    }
    String keyword = KEYWORD_FIELDS.get(field.toLowerCase(Locale.ROOT));
    return new PrefixQuery(new Term(keyword != null ? keyword : mapTextField(field), prefix));
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    String pattern = termStr.toLowerCase(Locale.ROOT);
    if (pattern.equals("*")) {
      return super.getWildcardQuery(field, termStr);
    }
    if (pattern.startsWith("*") || pattern.startsWith("?")) {
      throw new ParseException("a search word cannot start with '*' or '?'");
    }
    if (ANY_FIELD.equals(field)) {
      return everyField(f -> new WildcardQuery(new Term(f, pattern)));
    }
    String keyword = KEYWORD_FIELDS.get(field.toLowerCase(Locale.ROOT));
    return new WildcardQuery(new Term(keyword != null ? keyword : mapTextField(field), pattern));
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
      throws ParseException {
    String word = termStr.toLowerCase(Locale.ROOT);
    int edits = Math.max(0, Math.min(2, (int) minSimilarity));
    if (ANY_FIELD.equals(field)) {
      return everyField(f -> new FuzzyQuery(new Term(f, word), edits, 1, 20, true));
    }
    return new FuzzyQuery(new Term(mapTextField(field), word), edits, 1, 20, true);
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    throw new ParseException("regular expressions (/.../) are not supported; remove the slashes");
  }

  @Override
  protected Query getRangeQuery(
      String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
      throws ParseException {
    throw new ParseException("range searches ([a TO b]) are not supported");
  }
}
