package org.rapportkb.config;

/**
 * How search by meaning works: whether it is on, which embedding model runs, and how its passage
 * matches are weighed against the word-based ranking ({@code index-config/semantic.yml}).
 *
 * @param enabled false turns semantic search off; search is then word-based only
 * @param model the embedding model's name, one of {@link #MODELS}
 * @param threads ONNX Runtime threads for one embedding call
 * @param minSimilarity the cosine similarity below which a passage is no match at all
 * @param lexicalWeight weight of the word-based score (normalized to the best hit) in the fusion
 * @param semanticWeight weight of the semantic score in the fusion
 * @param passagesPerArticle an article's semantic score is the mean of its best this many passages
 * @param candidates how many passages the vector search retrieves per query
 */
public record SemanticSettings(
    boolean enabled,
    String model,
    int threads,
    double minSimilarity,
    double lexicalWeight,
    double semanticWeight,
    int passagesPerArticle,
    int candidates) {

  /** The models a Maven artifact ships and this build knows how to run. */
  public static final java.util.List<String> MODELS = java.util.List.of("all-minilm-l6-v2-q");

  /** Settings used when {@code semantic.yml} is missing or leaves a value out. */
  public static final SemanticSettings DEFAULTS =
      new SemanticSettings(true, "all-minilm-l6-v2-q", 1, 0.35, 1.0, 4.0, 3, 100);

  /** The same settings with semantic search switched off. */
  public SemanticSettings off() {
    return new SemanticSettings(
        false,
        model,
        threads,
        minSimilarity,
        lexicalWeight,
        semanticWeight,
        passagesPerArticle,
        candidates);
  }
}
