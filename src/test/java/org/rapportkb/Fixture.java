package org.rapportkb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The small test corpus under src/test/resources/fixture, copied where a test may change it. */
public final class Fixture {
  public static final Path SOURCE = Path.of("src", "test", "resources", "fixture");

  private Fixture() {}

  /** Copies the fixture articles and config into {@code dir}; the index goes to dir/index. */
  public static KnowledgeBase.Paths copyTo(Path dir) throws IOException {
    copyTree(SOURCE.resolve("articles"), dir.resolve("articles"));
    copyTree(SOURCE.resolve("index-config"), dir.resolve("index-config"));
    return new KnowledgeBase.Paths(
        dir.resolve("articles"), dir.resolve("index-config"), dir.resolve("index"));
  }

  public static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      files.forEach(
          source -> {
            Path target = to.resolve(from.relativize(source).toString());
            try {
              if (Files.isDirectory(source)) {
                Files.createDirectories(target);
              } else {
                Files.copy(source, target);
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }

  /** Opens a knowledge base on a fresh copy of the fixture and indexes it. */
  public static KnowledgeBase openIndexed(Path dir) throws Exception {
    KnowledgeBase kb = KnowledgeBase.open(copyTo(dir));
    kb.sync(false, org.rapportkb.index.ProgressListener.NONE);
    return kb;
  }
}
