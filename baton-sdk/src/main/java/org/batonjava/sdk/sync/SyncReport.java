package org.batonjava.sdk.sync;

import java.time.Duration;
import org.batonjava.sdk.c1z.SyncStats;

/**
 * The outcome of a finished sync.
 *
 * @param syncId the KSUID of the sync run
 * @param resumed whether an interrupted sync was continued
 * @param stats counts as stored in the c1z
 * @param warnings not-found results that were skipped
 * @param duration wall time of this run
 */
public record SyncReport(
    String syncId, boolean resumed, SyncStats stats, int warnings, Duration duration) {}
