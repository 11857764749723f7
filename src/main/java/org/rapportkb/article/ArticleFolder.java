package org.rapportkb.article;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.rapportkb.DaemonThreads;

/**
 * The one scan-and-parse loop: every article file of a folder, read and parsed by a visitor.
 *
 * <p>Files come from {@link ArticleScanner}, each with the slugs of its scan, on one thread or
 * several.
 */
public final class ArticleFolder {
  private final Path root;
  private final ArticleParser parser;

  public ArticleFolder(Path root, ArticleParser parser) {
    this.root = root;
    this.parser = parser;
  }

  /** An article file of the folder, to be parsed against the slugs of its scan. */
  public static final class Found {
    private final ArticleFile file;
    private final Set<String> knownSlugs;
    private final ArticleParser parser;

    private Found(ArticleFile file, Set<String> knownSlugs, ArticleParser parser) {
      this.file = file;
      this.knownSlugs = knownSlugs;
      this.parser = parser;
    }

    public ArticleFile file() {
      return file;
    }

    /** Every slug the scan found, which {@code related} may name. */
    public Set<String> knownSlugs() {
      return knownSlugs;
    }

    /** Parses {@code bytes}, the file's content as the caller read it. */
    public ArticleParser.Result parse(byte[] bytes) {
      return parser.parse(file, bytes, knownSlugs);
    }

    /** Reads the file and parses it. */
    public ArticleParser.Result read() throws IOException {
      return parse(Files.readAllBytes(file.file()));
    }
  }

  /** What {@link #forEach} hands each file to; called from the loop's threads. */
  @FunctionalInterface
  public interface Visitor {
    void visit(Found found) throws IOException;
  }

  /** Every article file of the folder, in path order, and the problems with their names. */
  public ArticleScanner.Scan scan() throws IOException {
    return ArticleScanner.scan(root);
  }

  /** The first {@code limit} article files a walk of the folder meets (see {@link #scan}). */
  public ArticleScanner.Scan sample(int limit) throws IOException {
    return ArticleScanner.sample(root, limit);
  }

  /**
   * Hands every file of {@code scan} to {@code visitor}: in path order on the calling thread when
   * {@code threads} is 1, else on that many threads. The first failure ends the loop and is thrown.
   */
  public void forEach(ArticleScanner.Scan scan, int threads, Visitor visitor) throws IOException {
    Set<String> knownSlugs = Set.copyOf(scan.slugs());
    List<DaemonThreads.Task> tasks = new ArrayList<>();
    for (ArticleFile file : scan.files()) {
      Found found = new Found(file, knownSlugs, parser);
      tasks.add(() -> visitor.visit(found));
    }
    if (threads == 1) {
      for (DaemonThreads.Task task : tasks) {
        task.run();
      }
    } else {
      DaemonThreads.runAll("rapport-kb-reader", threads, tasks);
    }
  }
}
