package org.rapportkb.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.util.FilesystemResourceLoader;
import org.rapportkb.check.Problem;

/** Builds a Lucene {@link CustomAnalyzer} from a configured chain of factory names. */
final class AnalyzerFactory {
  private AnalyzerFactory() {}

  static Optional<Analyzer> build(
      Path dir, AnalysisChain chain, String path, int line, List<Problem> problems) {
    try {
      var builder =
          CustomAnalyzer.builder(
              new FilesystemResourceLoader(dir, AnalyzerFactory.class.getClassLoader()));
      builder.withTokenizer(chain.tokenizer().name(), new HashMap<>(chain.tokenizer().params()));
      for (AnalysisChain.Component filter : chain.filters()) {
        builder.addTokenFilter(filter.name(), new HashMap<>(filter.params()));
      }
      return Optional.of(builder.build());
    } catch (Exception e) {
      problems.add(Problem.error(path, line, "cannot build the analysis chain: " + e.getMessage()));
      return Optional.empty();
    }
  }
}
