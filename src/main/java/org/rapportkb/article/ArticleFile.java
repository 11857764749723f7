package org.rapportkb.article;

import java.nio.file.Path;

/**
 * An article file found under the articles folder, not yet read.
 *
 * @param slug the file name without {@code .md}
 * @param file the absolute path
 * @param path the path relative to the articles folder, with forward slashes, for messages
 */
public record ArticleFile(String slug, Path file, String path) {
  /** How an article file's name ends. */
  static final String SUFFIX = ".md";

  /** The slug an article file's path stands for: its name without {@code .md} and any folder. */
  public static String slugOf(String path) {
    String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    return name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
  }
}
