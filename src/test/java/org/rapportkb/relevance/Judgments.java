package org.rapportkb.relevance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of graded queries: each query with the articles that answer it, graded 2 (the one to read
 * first) or 1 (a real help); every other article counts 0.
 */
record Judgments(String name, List<Judged> queries) {
  static final Path DIR = Path.of("src", "test", "resources", "relevance");

  /** One query and its grades by slug. */
  record Judged(String query, Map<String, Integer> grades) {
    boolean isHighlyRelevant(String slug) {
      return grades.getOrDefault(slug, 0) >= 2;
    }
  }

  /** Reads {@code query<TAB>slug:grade slug:grade ...} lines; {@code #} starts a comment. */
  static Judgments read(String name, Path file) throws IOException {
    List<Judged> queries = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t");
      Map<String, Integer> grades = new LinkedHashMap<>();
      for (String graded : parts.length > 1 ? parts[1].trim().split("\\s+") : new String[0]) {
        if (graded.isEmpty()) {
          continue;
        }
        int colon = graded.lastIndexOf(':');
        grades.put(
            colon < 0 ? graded : graded.substring(0, colon),
            colon < 0 ? 2 : Integer.parseInt(graded.substring(colon + 1)));
      }
      queries.add(new Judged(parts[0], grades));
    }
    return new Judgments(name, List.copyOf(queries));
  }

  /** The set written blind, kept apart from tuning: never tune on it. */
  static Judgments heldOut() throws IOException {
    return read("held-out (blind)", DIR.resolve("heldout.tsv"));
  }

  /** The development set written blind, for tuning. */
  static Judgments development() throws IOException {
    return read("development (blind)", DIR.resolve("dev.tsv"));
  }

  /** The older regression set, written with the articles at hand (one expected slug each). */
  static Judgments regression() throws IOException {
    return read(
        "regression (written with the articles)",
        Path.of("src", "test", "resources", "regression", "queries.tsv"));
  }
}
