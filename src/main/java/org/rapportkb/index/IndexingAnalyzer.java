package org.rapportkb.index;

import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.rapportkb.config.KbConfig;

/**
 * Analyzes the word fields (spelling, completion) with plain lowercase words and every other field
 * with the configured index chain of the current config.
 */
final class IndexingAnalyzer extends DelegatingAnalyzerWrapper {
  private final Supplier<KbConfig> config;

  IndexingAnalyzer(Supplier<KbConfig> config) {
    super(PER_FIELD_REUSE_STRATEGY);
    this.config = config;
  }

  @Override
  protected Analyzer getWrappedAnalyzer(String fieldName) {
    if (IndexFields.SPELL.equals(fieldName) || IndexFields.COMPLETE.equals(fieldName)) {
      return WordAnalyzer.INSTANCE;
    }
    return config.get().indexAnalyzer();
  }
}
