package org.rapportkb.article;

/**
 * A parsed, valid article.
 *
 * @param slug the file name without {@code .md}
 * @param path the file's path relative to the articles folder, with forward slashes
 * @param hash a digest of the file's bytes, to notice changes
 * @param body the body as read: its Markdown, plain text, outline and client lines
 * @param practice the criteria and practice items of its {@code ## Practice} section
 */
public record Article(
    String slug,
    String path,
    String hash,
    FrontMatter meta,
    ParsedBody body,
    org.rapportkb.practice.SkillPractice practice) {}
