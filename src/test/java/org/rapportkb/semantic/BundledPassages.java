package org.rapportkb.semantic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rapportkb.article.Article;
import org.rapportkb.article.ArticleFolder;
import org.rapportkb.article.ArticleParser;
import org.rapportkb.article.MarkdownRenderer;
import org.rapportkb.config.ConfigException;
import org.rapportkb.config.ConfigLoader;

/** The texts that indexing embeds for the bundled articles (or others), in path order. */
final class BundledPassages {
  private BundledPassages() {}

  static List<String> texts() throws IOException, ConfigException {
    return texts(Path.of("articles"));
  }

  /** The passages of the articles under {@code articles}, read with the bundled config. */
  static List<String> texts(Path articles) throws IOException, ConfigException {
    ArticleFolder folder =
        new ArticleFolder(
            articles,
            new ArticleParser(
                new MarkdownRenderer(), ConfigLoader.load(Path.of("index-config")).curriculum()));
    List<String> texts = new ArrayList<>();
    folder.forEach(
        folder.scan(),
        1,
        found -> found.read().article().ifPresent(article -> texts.addAll(texts(article))));
    return texts;
  }

  private static List<String> texts(Article article) {
    String title = article.meta().title();
    PassageSplitter.Source source =
        new PassageSplitter.Source(
            title,
            article.meta().summary(),
            article.meta().aliases(),
            article.body().text(),
            article.body().headings(),
            article.practice().items());
    return PassageSplitter.split(source).stream().map(p -> p.embeddingText(title)).toList();
  }
}
