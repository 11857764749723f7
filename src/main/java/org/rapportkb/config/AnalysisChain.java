package org.rapportkb.config;

import java.util.List;
import java.util.Map;

/** A tokenizer and its token filters, each named by its Lucene factory name with parameters. */
public record AnalysisChain(Component tokenizer, List<Component> filters) {

  /** One factory by name (for example {@code standard}, {@code porterStem}) and its parameters. */
  public record Component(String name, Map<String, String> params) {}
}
