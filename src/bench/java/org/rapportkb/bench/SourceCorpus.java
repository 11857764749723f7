package org.rapportkb.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.rapportkb.article.Article;
import org.rapportkb.article.ArticleFile;
import org.rapportkb.article.ArticleParser;
import org.rapportkb.article.ArticleFolder;
import org.rapportkb.article.MarkdownRenderer;
import org.rapportkb.config.KbConfig;
import org.rapportkb.index.Indexer;

/**
 * The real articles cut into reusable pieces: sentences, list items and dialogue lines per section,
 * so that generated articles are written in the same words with the same frequencies.
 */
final class SourceCorpus {
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z\"“(])");
  private static final Pattern LIST_ITEM = Pattern.compile("^(?:[-*]|\\d+\\.)\\s+(.*)$");
  private static final Pattern CLIENT = Pattern.compile("^\\*\\*Client:\\*\\*\\s+(.*)$");
  private static final Pattern COUNSELOR = Pattern.compile("^\\*\\*Counselor:\\*\\*\\s+(.*)$");

  /** One real article in pieces: its front matter and its body per section. */
  record Source(Article article, Map<String, Section> sections) {}

  /**
   * One section of one article.
   *
   * @param sentences sentences of its paragraphs
   * @param items list items, marker removed
   * @param paragraphs whole paragraphs that are neither lists nor dialogue
   * @param client what the client says in its dialogue
   * @param counselor what the counselor says in its dialogue
   */
  record Section(
      List<String> sentences,
      List<String> items,
      List<String> paragraphs,
      List<String> client,
      List<String> counselor) {}

  private final List<Source> sources;

  private SourceCorpus(List<Source> sources) {
    this.sources = sources;
  }

  List<Source> sources() {
    return sources;
  }

  /** Reads every valid article under {@code folder}, as the engine itself parses them. */
  static SourceCorpus read(Path folder, KbConfig config) throws IOException {
    ArticleFolder articles =
        new ArticleFolder(folder, new ArticleParser(new MarkdownRenderer(), config.curriculum()));
    List<Source> sources = new ArrayList<>();
    articles.forEach(
        articles.scan(),
        1,
        found -> {
          byte[] bytes = Files.readAllBytes(found.file().file());
          var parsed = found.parse(bytes);
          if (parsed.article().isPresent()) {
            String text = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
            sources.add(new Source(parsed.article().get(), sections(body(text))));
          }
        });
    if (sources.isEmpty()) {
      throw new IOException("no valid article to learn from in " + folder);
    }
    return new SourceCorpus(List.copyOf(sources));
  }

  private static String body(String text) {
    int open = text.indexOf("---\n");
    int close = text.indexOf("\n---\n", open + 3);
    return close < 0 ? text : text.substring(close + 5);
  }

  private static Map<String, Section> sections(String body) {
    Map<String, List<String>> blocks = new LinkedHashMap<>();
    List<String> current = null;
    StringBuilder block = new StringBuilder();
    for (String line : (body + "\n\n").split("\n", -1)) {
      if (line.startsWith("## ")) {
        current = blocks.computeIfAbsent(line.substring(3).strip(), k -> new ArrayList<>());
        block.setLength(0);
      } else if (line.isBlank()) {
        if (current != null && !block.isEmpty()) {
          current.add(block.toString().strip());
        }
        block.setLength(0);
      } else {
        block.append(line).append('\n');
      }
    }
    Map<String, Section> sections = new LinkedHashMap<>();
    blocks.forEach((name, list) -> sections.put(name, section(list)));
    return sections;
  }

  private static Section section(List<String> blocks) {
    List<String> sentences = new ArrayList<>();
    List<String> items = new ArrayList<>();
    List<String> paragraphs = new ArrayList<>();
    List<String> client = new ArrayList<>();
    List<String> counselor = new ArrayList<>();
    for (String block : blocks) {
      String flat = block.replace('\n', ' ').strip();
      var clientLine = CLIENT.matcher(flat);
      var counselorLine = COUNSELOR.matcher(flat);
      if (clientLine.matches()) {
        client.add(clientLine.group(1));
      } else if (counselorLine.matches()) {
        counselor.add(counselorLine.group(1));
      } else if (LIST_ITEM.matcher(block.lines().findFirst().orElse("")).matches()) {
        for (String line : block.split("\n")) {
          var item = LIST_ITEM.matcher(line.strip());
          if (item.matches()) {
            items.add(item.group(1));
          } else if (!items.isEmpty()) {
            items.set(items.size() - 1, items.getLast() + " " + line.strip());
          }
        }
      } else if (!flat.startsWith("|") && !flat.startsWith("#")) {
        paragraphs.add(flat);
        for (String sentence : SENTENCE_END.split(flat)) {
          if (balanced(sentence)) {
            sentences.add(sentence.strip());
          }
        }
      }
    }
    return new Section(sentences, items, paragraphs, client, counselor);
  }

  /** Whether a sentence can stand alone: its bold markers and quotes are paired. */
  private static boolean balanced(String sentence) {
    int bold = sentence.split("\\*\\*", -1).length - 1;
    long quotes = sentence.chars().filter(c -> c == '"').count();
    return bold % 2 == 0 && quotes % 2 == 0 && !sentence.isBlank();
  }
}
