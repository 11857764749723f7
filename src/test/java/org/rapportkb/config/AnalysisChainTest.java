package org.rapportkb.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisChainTest {
  @TempDir Path dir;

  @Test
  void theFilesAChainNamesAreThoseInsideTheConfigFolderInComponentOrder() throws Exception {
    Path config = Files.createDirectories(dir.resolve("config"));
    for (String name : List.of("stopwords.txt", "protected.txt", "synonyms.txt", "extra.txt")) {
      Files.writeString(config.resolve(name), "word\n");
    }
    Files.writeString(dir.resolve("outside.txt"), "secret\n");
    AnalysisChain chain =
        new AnalysisChain(
            new AnalysisChain.Component("standard", Map.of()),
            List.of(
                new AnalysisChain.Component(
                    "stop", Map.of("words", "stopwords.txt, ../outside.txt", "ignoreCase", "true")),
                new AnalysisChain.Component(
                    "synonymGraph", Map.of("synonyms", "synonyms.txt", "expand", "missing.txt")),
                new AnalysisChain.Component(
                    "keywordMarker", Map.of("protected", "protected.txt"))));
    assertEquals(
        List.of(
            config.resolve("stopwords.txt"),
            config.resolve("synonyms.txt"),
            config.resolve("protected.txt")),
        chain.files(config));
    assertEquals(
        List.of("standard", "stop", "synonymGraph", "keywordMarker"),
        chain.components().stream().map(AnalysisChain.Component::name).toList());
  }
}
