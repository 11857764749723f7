package org.rapportkb.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rapportkb.article.FolderWalk;

/**
 * The folders of one tree registered with a watch service, so that each event can be traced back to
 * its folder. Folders are walked by the same {@link FolderWalk} rules as the article scan. Used by
 * one thread at a time.
 */
final class WatchedTree {
  private static final Logger LOG = Logger.getLogger(WatchedTree.class.getName());

  private final Path root;
  private final WatchService service;
  private final Map<WatchKey, Path> folders = new HashMap<>();

  /**
   * What registering a folder found.
   *
   * @param files the regular files already in it, which no event will announce
   * @param complete false when some folder could not be watched, so events may be missed
   */
  record Walk(List<Path> files, boolean complete) {}

  WatchedTree(Path root, WatchService service) {
    this.root = root;
    this.service = service;
  }

  Path root() {
    return root;
  }

  /** The folder a key watches, or null when the key is not (or no longer) part of this tree. */
  Path folderOf(WatchKey key) {
    return folders.get(key);
  }

  /** Whether a path is a folder watched in this tree. */
  boolean isFolder(Path path) {
    return folders.containsValue(path);
  }

  /** Whether the root itself is watched; false while it does not exist. */
  boolean rootWatched() {
    return folders.containsValue(root);
  }

  /** Watches a folder and every folder under it; a folder that vanishes meanwhile is skipped. */
  Walk register(Path folder) {
    List<Path> files = new ArrayList<>();
    boolean[] complete = {true};
    try {
      new FolderWalk(root) {
        @Override
        protected void entered(Path dir) {
          complete[0] &= watch(dir);
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile()) {
            files.add(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          if (!(e instanceof NoSuchFileException)) {
            LOG.log(Level.WARNING, "cannot read " + file + ": " + e);
            complete[0] = false;
          }
          return FileVisitResult.CONTINUE;
        }
      }.walk(folder);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot watch " + folder + ": " + e);
      complete[0] = false;
    }
    return new Walk(List.copyOf(files), complete[0]);
  }

  /**
   * Registers the whole tree again and drops folders that are gone, after events were lost: a
   * folder created or renamed meanwhile is then watched under its current name.
   */
  Walk registerAll() {
    Walk walk = register(root);
    folders
        .entrySet()
        .removeIf(
            entry -> {
              boolean gone =
                  !entry.getKey().isValid()
                      || !Files.isDirectory(entry.getValue(), LinkOption.NOFOLLOW_LINKS);
              if (gone) {
                entry.getKey().cancel();
              }
              return gone;
            });
    return walk;
  }

  /** Stops watching a folder and everything under it (it was deleted or moved away). */
  void forget(Path folder) {
    folders
        .entrySet()
        .removeIf(
            entry -> {
              boolean inside = entry.getValue().startsWith(folder);
              if (inside) {
                entry.getKey().cancel();
              }
              return inside;
            });
  }

  /** Handles a key the watch service gave up on: its folder and those under it are forgotten. */
  void lost(WatchKey key) {
    Path folder = folders.remove(key);
    if (folder != null) {
      forget(folder);
    }
  }

  private boolean watch(Path dir) {
    try {
      folders.put(dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), dir);
      return true;
    } catch (NoSuchFileException | NotDirectoryException e) {
      return true;
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot watch " + dir + ": " + e);
      return false;
    }
  }
}
