package org.rapportkb;

import java.io.IOException;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

/**
 * A directory whose writes fail on demand, like a full or failing disk: once {@link #fail} is
 * switched on, creating, syncing and renaming files throws {@link IOException}; reads keep working.
 */
public final class FaultyDirectory extends FilterDirectory {
  private final AtomicBoolean failing = new AtomicBoolean();
  private final AtomicInteger faults = new AtomicInteger();

  public FaultyDirectory(Directory in) {
    super(in);
  }

  /** Makes every later write fail ({@code true}) or succeed again ({@code false}). */
  public void fail(boolean on) {
    failing.set(on);
  }

  /** How many writes failed so far. */
  public int faults() {
    return faults.get();
  }

  private void maybeFail(String what) throws IOException {
    if (failing.get()) {
      faults.incrementAndGet();
      throw new IOException("simulated disk error: " + what);
    }
  }

  @Override
  public IndexOutput createOutput(String name, IOContext context) throws IOException {
    maybeFail("create " + name);
    return super.createOutput(name, context);
  }

  @Override
  public IndexOutput createTempOutput(String prefix, String suffix, IOContext context)
      throws IOException {
    maybeFail("create temporary " + prefix);
    return super.createTempOutput(prefix, suffix, context);
  }

  @Override
  public void sync(Collection<String> names) throws IOException {
    maybeFail("sync " + names);
    super.sync(names);
  }

  @Override
  public void syncMetaData() throws IOException {
    maybeFail("sync metadata");
    super.syncMetaData();
  }

  @Override
  public void rename(String source, String dest) throws IOException {
    maybeFail("rename " + source + " to " + dest);
    super.rename(source, dest);
  }
}
