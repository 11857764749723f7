package org.rapportkb.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A digest of what the index bakes into its documents, to know when it must be rebuilt.
 *
 * <p>It covers the code's schema version, the index chain, every config file its parameters name,
 * and the modules in their order (each article's module position is kept for sorting, and an
 * article of a removed module must leave the index).
 */
final class IndexFingerprint {
  /** Bumped whenever the code changes how documents are indexed, so old indexes rebuild. */
  static final String SCHEMA_VERSION = "9";

  private IndexFingerprint() {}

  static String of(Path dir, AnalysisChain indexChain, List<Category> categories) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(SCHEMA_VERSION.getBytes(StandardCharsets.UTF_8));
      for (Category category : categories) {
        digest.update(("category=" + category.slug() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      for (AnalysisChain.Component component : indexChain.components()) {
        digest.update(component.name().getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, String> param : new TreeMap<>(component.params()).entrySet()) {
          digest.update((param.getKey() + "=" + param.getValue()).getBytes(StandardCharsets.UTF_8));
        }
      }
      for (Path file : indexChain.files(dir)) {
        digest.update(Files.readAllBytes(file));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException | IOException e) {
      throw new IllegalStateException("cannot fingerprint the analysis settings", e);
    }
  }
}
