package org.rapportkb.bench;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rapportkb.search.SearchRequest;

/** The fixed mix of trainee-like queries in {@code bench/queries.tsv}, shared by all benchmarks. */
record QueryMix(List<Query> queries) {
  /** One line of the mix: its kind and the path it is sent to. */
  record Query(String kind, String path) {
    boolean isSuggest() {
      return path.startsWith("/api/suggest");
    }

    /** The query string's parameters, decoded. */
    Map<String, String> params() {
      Map<String, String> params = new HashMap<>();
      int question = path.indexOf('?');
      if (question < 0) {
        return params;
      }
      for (String pair : path.substring(question + 1).split("&")) {
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        params.put(key, URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
      return params;
    }

    /** The engine request the server would make of this path. */
    SearchRequest request() {
      Map<String, String> p = params();
      return new SearchRequest(
          p.getOrDefault("q", ""), p.get("category"), p.get("tag"), p.get("level"), 1, 10, false);
    }
  }

  static QueryMix read(Path file) throws IOException {
    List<Query> queries = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t");
      if (parts.length != 2) {
        throw new IOException(file + ": expected KIND<TAB>PATH in: " + line);
      }
      queries.add(new Query(parts[0].strip(), parts[1].strip()));
    }
    return new QueryMix(List.copyOf(queries));
  }

  /** The queries of one kind, or every query for {@code "mix"}. */
  List<Query> ofKind(String kind) {
    return kind.equals("mix")
        ? queries
        : queries.stream().filter(q -> q.kind().equals(kind)).toList();
  }
}
