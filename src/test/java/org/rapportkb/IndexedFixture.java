package org.rapportkb;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Base of test classes that share one indexed copy of the fixture corpus, opened once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class IndexedFixture {
  protected KnowledgeBase kb;

  @BeforeAll
  void openFixture(@TempDir Path dir) throws Exception {
    kb = Fixture.openIndexed(dir);
  }

  @AfterAll
  void closeFixture() throws Exception {
    kb.close();
  }
}
