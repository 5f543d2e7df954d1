package org.batonjava.c1sim;

import java.util.List;

/**
 * One complete, checksum-verified {@code UploadAsset} stream.
 *
 * @param taskId the metadata's task id
 * @param hostId the metadata's host id
 * @param content the concatenated data
 * @param chunkSizes the size of each {@code data} message, in order
 */
@SuppressWarnings(
    "ArrayRecordComponent") // raw bytes, compared by content where it matters; never a map key
public record UploadRecord(String taskId, String hostId, byte[] content, List<Integer> chunkSizes) {
  /** Whether the content starts with a c1z magic ({@code C1ZF\0} or {@code C1Z3\0}). */
  public boolean isC1z() {
    return content.length >= 5
        && content[0] == 'C'
        && content[1] == '1'
        && content[2] == 'Z'
        && (content[3] == 'F' || content[3] == '3')
        && content[4] == 0;
  }
}
