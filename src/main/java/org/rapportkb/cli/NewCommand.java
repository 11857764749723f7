package org.rapportkb.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rapportkb.article.ArticleScanner;
import org.rapportkb.article.Curriculum;
import org.rapportkb.article.Slugs;
import org.rapportkb.config.ConfigLoader;
import org.rapportkb.config.KbConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code new}: writes a new article with valid front matter and every section, as a draft. */
@Command(
    mixinStandardHelpOptions = true,
    name = "new",
    description = "Write a new article skeleton (a draft) under its category's folder.")
final class NewCommand implements Callable<Integer> {
  @Mixin PathOptions paths;

  @Parameters(index = "0", paramLabel = "TITLE")
  String title;

  @Option(names = "--category", required = true, paramLabel = "C")
  String category;

  @Option(
      names = "--level",
      paramLabel = "L",
      description = "foundation | intermediate | advanced (default: ${DEFAULT-VALUE})")
  String level = "foundation";

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    var err = spec.commandLine().getErr();
    KbConfig config = ConfigLoader.load(paths.config);
    Optional<String> wrong =
        config.curriculum().categoryProblem(category).or(() -> Curriculum.levelProblem(level));
    if (wrong.isPresent()) {
      err.println("error: " + wrong.get());
      return OneLineErrors.USAGE;
    }
    String slug = Slugs.fromTitle(title);
    if (slug.isEmpty() || title.strip().length() > 200) {
      err.println("error: the title must have letters or digits and at most 200 characters");
      return OneLineErrors.USAGE;
    }
    var existing =
        ArticleScanner.scan(paths.articles).files().stream()
            .filter(f -> f.slug().equals(slug))
            .findFirst();
    if (existing.isPresent()) {
      err.println(
          "error: an article with slug '" + slug + "' already exists: " + existing.get().file());
      return OneLineErrors.FAILURE;
    }
    Path file = paths.articles.resolve(category).resolve(slug + ".md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, skeleton(title.strip(), category, level), StandardCharsets.UTF_8);
    spec.commandLine()
        .getOut()
        .println("created " + file + " (a draft: set 'draft: false' when it is ready)");
    return 0;
  }

  static String skeleton(String title, String category, String level) {
    String quotedTitle = "\"" + title.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    return """
        ---
        title: %s
        summary: "Say in one or two sentences what the trainee will be able to do."
        category: %s
        level: %s
        tags: []
        aliases: []
        related: []
        updated: %s
        draft: true
        ---

        ## What it is

        Define the technique and where it comes from.

        ## Why it matters

        Explain how it builds the relationship and what it lets the client share.

        ## How to do it

        1. First step.
        2. Second step.

        ## Example

        One line to set the scene.

        **Client:** What the client says.

        **Counselor:** What the counselor answers.

        Why it works: what the reply does.

        ## Common pitfalls

        - What goes wrong, and what to say instead.

        ## Practice

        Say what the trainee should do with each statement.

        Criteria:

        - Something an observer could see in a good response
        - A second one
        - A third one

        1. **Beginner.** "A short client statement with a clear feeling or request."
           - Scene: Who is speaking, where and when.
           - Response: "One model response."
           - Response: "A second one that takes another approach."
           - Why: What the responses do.

        2. **Intermediate.** "A longer, mixed or guarded statement."
           - Response: "One model response."
           - Response: "A second one that takes another approach."

        3. **Advanced.** "A statement that challenges the counselor."
           - Response: "One model response."
           - Response: "A second one that takes another approach."

        ## Sources

        - Author, A. (Year). Title. Publisher.
        """
        .formatted(quotedTitle, category, level, LocalDate.now());
  }
}
