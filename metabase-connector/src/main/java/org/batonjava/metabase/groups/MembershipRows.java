package org.batonjava.metabase.groups;

import io.grpc.Status;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.batonjava.sdk.connector.ConnectorException;

/**
 * The membership rows of one sync in a temporary file, three {@code long}s a row (group id,
 * membership id, flags) in the order they arrive, so that the memory a sync needs does not grow
 * with its memberships (24 MB at 200,000 users with five groups each). The file is removed as soon
 * as it is open, so nothing is left behind even when the process is killed; the rows stay in the
 * operating system's file cache, outside the process.
 *
 * <p>Rows are written by one thread and then read by any: reads go through a window of the file
 * that is moved only when a read falls outside it. A read that continues where the window ends
 * fills a whole window (users in the order they were written cost one system call per 4,096 rows);
 * one that jumps reads only a few dozen rows.
 */
final class MembershipRows implements AutoCloseable {
  private static final int ROW_BYTES = 3 * Long.BYTES;
  private static final int BUFFER_ROWS = 4096;

  /**
   * Rows read on a jump (users are listed by name, the memberships come by user id: lookups jump
   * about the file): about one user's rows and the next few users', not a whole window.
   */
  private static final int JUMP_ROWS = 64;

  /** The row's fields, in the order they are stored. */
  interface RowVisitor {
    void row(long groupId, long membershipId, long flags);
  }

  private final Path folder;
  private final FileChannel file;
  private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_ROWS * ROW_BYTES);
  private long rows;
  private boolean finished;
  private boolean closed;
  private long windowFirstRow;
  private long windowRows;

  private MembershipRows(Path folder, FileChannel file) {
    this.folder = folder;
    this.file = file;
  }

  /** An empty row file in {@code folder} (the system temp folder in production). */
  static MembershipRows create(Path folder) {
    Path path = null;
    try {
      path = Files.createTempFile(folder, "baton-metabase-memberships-", ".rows");
      FileChannel channel =
          FileChannel.open(
              path,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE,
              StandardOpenOption.DELETE_ON_CLOSE);
      try {
        // POSIX keeps an open file that has no name: nothing is left if the process dies.
        Files.deleteIfExists(path);
      } catch (IOException ignored) {
        // Windows cannot remove an open file: DELETE_ON_CLOSE removes it when it is closed.
      }
      return new MembershipRows(folder, channel);
    } catch (IOException e) {
      deleteQuietly(path);
      throw failure(folder, e);
    }
  }

  /** Appends a row; only before {@link #finish()}. */
  void append(long groupId, long membershipId, long flags) {
    if (finished) {
      throw new IllegalStateException("membership rows are finished");
    }
    if (!buffer.hasRemaining()) {
      writeBuffer();
    }
    buffer.putLong(groupId).putLong(membershipId).putLong(flags);
    rows++;
  }

  /** Writes what is buffered; reads are allowed from now on. */
  void finish() {
    if (!finished) {
      writeBuffer();
      finished = true;
      windowRows = 0;
    }
  }

  long size() {
    return rows;
  }

  /** Hands rows {@code [first, first + count)} to {@code visitor}, in order. */
  synchronized void read(long first, int count, RowVisitor visitor) {
    if (!finished || closed) {
      throw new IllegalStateException(
          closed ? "membership rows are closed" : "membership rows are still being written");
    }
    if (first < 0 || count < 0 || first + count > rows) {
      throw new IndexOutOfBoundsException("rows " + first + "+" + count + " of " + rows);
    }
    long row = first;
    long end = first + count;
    while (row < end) {
      if (row < windowFirstRow || row >= windowFirstRow + windowRows) {
        boolean onward = windowRows > 0 && row == windowFirstRow + windowRows;
        fill(
            row,
            onward ? BUFFER_ROWS : (int) Math.min(BUFFER_ROWS, Math.max(JUMP_ROWS, end - row)));
      }
      int at = (int) ((row - windowFirstRow) * ROW_BYTES);
      visitor.row(buffer.getLong(at), buffer.getLong(at + Long.BYTES), buffer.getLong(at + 16));
      row++;
    }
  }

  private void fill(long firstRow, int wanted) {
    buffer.clear();
    buffer.limit((int) Math.min(wanted, rows - firstRow) * ROW_BYTES);
    long position = firstRow * ROW_BYTES;
    try {
      while (buffer.hasRemaining()) {
        int n = file.read(buffer, position + buffer.position());
        if (n < 0) {
          throw new IOException("the file ended early");
        }
      }
    } catch (IOException e) {
      windowRows = 0;
      throw failure(folder, e);
    }
    windowFirstRow = firstRow;
    windowRows = buffer.limit() / ROW_BYTES;
  }

  private void writeBuffer() {
    buffer.flip();
    try {
      while (buffer.hasRemaining()) {
        file.write(buffer);
      }
    } catch (IOException e) {
      throw failure(folder, e);
    } finally {
      buffer.clear();
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    windowRows = 0;
    try {
      file.close();
    } catch (IOException ignored) {
      // The file has no name any more (or goes with DELETE_ON_CLOSE): nothing is left to lose.
    }
  }

  private static ConnectorException failure(Path folder, IOException e) {
    return new ConnectorException(
        Status.Code.INTERNAL,
        "could not keep the group memberships in a temporary file in "
            + folder
            + " ("
            + e.getMessage()
            + "); free some space there or choose another folder with"
            + " BATON_JAVA_OPTS=-Djava.io.tmpdir=<folder>");
  }

  private static void deleteQuietly(Path path) {
    if (path == null) {
      return;
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // Best effort: the file is empty.
    }
  }
}
