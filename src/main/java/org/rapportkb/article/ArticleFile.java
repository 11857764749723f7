package org.rapportkb.article;

import java.nio.file.Path;

/**
 * An article file found under the articles folder, not yet read.
 *
 * @param slug the file name without {@code .md}
 * @param file the absolute path
 * @param path the path relative to the articles folder, with forward slashes, for messages
 */
public record ArticleFile(String slug, Path file, String path) {}
