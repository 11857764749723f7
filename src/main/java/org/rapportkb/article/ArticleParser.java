package org.rapportkb.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.commonmark.node.Node;
import org.rapportkb.check.Problem;
import org.rapportkb.check.YamlMap;
import org.rapportkb.practice.SkillPractice;

/**
 * Reads one article file into an {@link Article}, reporting each problem with its file and line.
 *
 * <p>It splits the front matter from the body, hands the front matter to {@link FrontMatterReader},
 * reads the body, checks it by {@link SectionRules} and reads its practice.
 */
public final class ArticleParser {
  /** Files larger than this are refused rather than parsed. */
  public static final int MAX_BYTES = 512 * 1024;

  private final MarkdownRenderer renderer;
  private final Curriculum curriculum;

  /**
   * @param curriculum the categories an article may use
   */
  public ArticleParser(MarkdownRenderer renderer, Curriculum curriculum) {
    this.renderer = renderer;
    this.curriculum = curriculum;
  }

  /** The result of parsing one file: the article when it is valid, and every problem found. */
  public record Result(Optional<Article> article, List<Problem> problems) {}

  /**
   * Parses and validates one file.
   *
   * @param knownSlugs every slug in the articles folder, to check {@code related}
   */
  public Result parse(ArticleFile file, byte[] bytes, Set<String> knownSlugs) {
    List<Problem> problems = new ArrayList<>();
    String path = file.path();
    if (bytes.length > MAX_BYTES) {
      problems.add(
          Problem.error(path, 1, "file is larger than " + MAX_BYTES / 1024 + " KB; split it up"));
      return new Result(Optional.empty(), problems);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    text = text.replace("\r\n", "\n");
    int firstEnd = lineEnd(text, 0);
    if (!text.substring(0, firstEnd).strip().equals("---")) {
      problems.add(
          Problem.error(path, 1, "missing front matter: the file must start with a '---' line"));
      return new Result(Optional.empty(), problems);
    }
    // The front matter ends at the first line that is '---' or '...'; the lines are found in
    // place rather than by splitting the whole file.
    int close = -1;
    int closeStart = -1;
    int closeEnd = -1;
    for (int line = 1, start = firstEnd + 1; start <= text.length(); line++) {
      int end = lineEnd(text, start);
      String stripped = text.substring(start, end).strip();
      if (stripped.equals("---") || stripped.equals("...")) {
        close = line;
        closeStart = start;
        closeEnd = end;
        break;
      }
      start = end + 1;
    }
    if (close < 0) {
      problems.add(Problem.error(path, 1, "front matter is not closed by a '---' line"));
      return new Result(Optional.empty(), problems);
    }
    String yaml = close == 1 ? "" : text.substring(firstEnd + 1, closeStart - 1);
    Optional<YamlMap> fields = YamlMap.parse(path, yaml, 2, problems);
    if (fields.isEmpty()) {
      return new Result(Optional.empty(), problems);
    }
    Optional<FrontMatter> meta =
        FrontMatterReader.read(fields.get(), file.slug(), knownSlugs, curriculum, problems);
    int bodyLine = close + 2;
    String body = closeEnd == text.length() ? "" : text.substring(closeEnd + 1);
    Optional<Node> document = parsed(body, path, bodyLine, problems);
    if (document.isEmpty()) {
      return new Result(Optional.empty(), problems);
    }
    Optional<Node> tooDeep = MarkdownRenderer.tooDeep(document.get());
    if (tooDeep.isPresent()) {
      problems.add(
          Problem.error(
              path,
              MarkdownRenderer.lineOf(enclosingBlock(tooDeep.get()), bodyLine),
              "the Markdown nests more than "
                  + MarkdownRenderer.MAX_NESTING
                  + " levels deep (quotes, lists or emphasis inside one another; a list and its"
                  + " items count as two); flatten it"));
      return new Result(Optional.empty(), problems);
    }
    // within the nesting limit, the walks below cannot exhaust a thread's stack
    ParsedBody read = renderer.read(body, document.get());
    SectionRules.check(path, document.get(), bodyLine, problems);
    SkillPractice practice =
        PracticeReader.read(path, file.slug(), document.get(), bodyLine, problems);
    if (meta.isEmpty() || problems.stream().anyMatch(Problem::isError)) {
      return new Result(Optional.empty(), problems);
    }
    return new Result(
        Optional.of(new Article(file.slug(), path, hash(bytes), meta.get(), read, practice)),
        problems);
  }

  /** The nearest block holding {@code node} whose source line is known (inline nodes have none). */
  private static Node enclosingBlock(Node node) {
    Node block = node;
    while (block.getSourceSpans().isEmpty() && block.getParent() != null) {
      block = block.getParent();
    }
    return block;
  }

  /** Where the line starting at {@code start} ends: its line feed, or the end of the text. */
  private static int lineEnd(String text, int start) {
    int end = text.indexOf('\n', start);
    return end < 0 ? text.length() : end;
  }

  /**
   * The parsed body; empty, with a problem, when the Markdown is nested too deeply for the parser
   * itself.
   */
  private Optional<Node> parsed(String body, String path, int bodyLine, List<Problem> problems) {
    try {
      return Optional.of(renderer.parseForReading(body));
    } catch (StackOverflowError e) {
      problems.add(Problem.error(path, bodyLine, "the Markdown is nested too deeply to read"));
      return Optional.empty();
    }
  }

  /** A hex SHA-256 digest of a file's bytes. */
  public static String hash(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
