package org.rapportkb.article;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;

/**
 * The walk rules the article scan and the folder watcher share.
 *
 * <p>Hidden folders (a name starting with '.') are not entered, folders nest at most {@link
 * #MAX_DEPTH} deep, and editors' temporary files are never articles. Subclasses say what to do with
 * each folder entered and file met.
 */
public abstract class FolderWalk extends SimpleFileVisitor<Path> {
  /** How deep folders may nest under the walked root. */
  public static final int MAX_DEPTH = 32;

  private final Path root;

  /**
   * @param root the folder the rules apply below; it is entered even when its own name is hidden
   */
  protected FolderWalk(Path root) {
    this.root = root;
  }

  /** Whether a file name is one an editor writes while saving, never an article. */
  public static boolean isTemporary(String fileName) {
    return fileName.startsWith(".")
        || fileName.startsWith("#")
        || fileName.endsWith("~")
        || fileName.endsWith(".swp")
        || fileName.endsWith(".swx")
        || fileName.endsWith(".tmp")
        || fileName.endsWith(".part");
  }

  /** Whether a path names an article file by its name alone (the file need not exist). */
  public static boolean isArticleName(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(ArticleFile.SUFFIX) && !isTemporary(name);
  }

  /** Walks {@code start}, the root or a folder under it, reading each entry's attributes once. */
  public final void walk(Path start) throws IOException {
    Files.walkFileTree(start, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, this);
  }

  @Override
  public final FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
    if (!dir.equals(root) && dir.getFileName().toString().startsWith(".")) {
      return FileVisitResult.SKIP_SUBTREE;
    }
    entered(dir);
    return FileVisitResult.CONTINUE;
  }

  /** Called for each folder the walk enters, the start folder first. */
  protected void entered(Path dir) {}
}
