package org.rapportkb;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

/**
 * A directory whose every read fails, as when a writer deletes a file under a reader's check; it
 * records the name of each file asked for.
 */
public final class UnreadableDirectory extends FilterDirectory {
  private final List<String> asked;

  /**
   * @param asked receives the name of each file opened for reading (thread-safe if shared)
   */
  public UnreadableDirectory(Directory in, List<String> asked) {
    super(in);
    this.asked = asked;
  }

  @Override
  public IndexInput openInput(String name, IOContext context) throws IOException {
    asked.add(name);
    throw new IOException(name + " changed while it was read");
  }
}
