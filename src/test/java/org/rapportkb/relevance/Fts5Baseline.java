package org.rapportkb.relevance;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.rapportkb.article.Article;
import org.rapportkb.article.ArticleFolder;
import org.rapportkb.article.ArticleParser;
import org.rapportkb.article.MarkdownRenderer;
import org.rapportkb.config.KbConfig;

/**
 * The peer: a plain SQLite FTS5 index over the same articles (title, summary, aliases, body text,
 * Porter stemming), ranked by its built-in bm25, every query word OR'ed, no synonyms or tuning.
 */
final class Fts5Baseline implements AutoCloseable {
  private final Connection db;

  Fts5Baseline(Path articles, KbConfig config) throws Exception {
    db = DriverManager.getConnection("jdbc:sqlite::memory:");
    try (var create = db.createStatement()) {
      create.execute(
          "CREATE VIRTUAL TABLE a USING fts5(slug UNINDEXED, title, summary, aliases, body,"
              + " tokenize = 'porter unicode61')");
    }
    ArticleFolder folder =
        new ArticleFolder(articles, new ArticleParser(new MarkdownRenderer(), config.curriculum()));
    List<Article> parsed = new ArrayList<>();
    folder.forEach(folder.scan(), 1, found -> found.read().article().ifPresent(parsed::add));
    try (PreparedStatement insert = db.prepareStatement("INSERT INTO a VALUES (?, ?, ?, ?, ?)")) {
      for (Article article : parsed) {
        insert.setString(1, article.slug());
        insert.setString(2, article.meta().title());
        insert.setString(3, article.meta().summary());
        insert.setString(4, String.join(", ", article.meta().aliases()));
        insert.setString(5, article.body().text());
        insert.executeUpdate();
      }
    }
  }

  /** The top ten slugs for {@code query}. */
  List<String> search(String query) throws SQLException {
    List<String> words = new ArrayList<>();
    for (String word : query.toLowerCase().split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty()) {
        words.add("\"" + word + "\"");
      }
    }
    List<String> slugs = new ArrayList<>();
    if (words.isEmpty()) {
      return slugs;
    }
    try (PreparedStatement select =
        db.prepareStatement("SELECT slug FROM a WHERE a MATCH ? ORDER BY bm25(a) LIMIT 10")) {
      select.setString(1, String.join(" OR ", words));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          slugs.add(rows.getString(1));
        }
      }
    }
    return slugs;
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}
