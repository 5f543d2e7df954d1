package org.batonjava.metabase.server;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a sync assumes about the Metabase it talks to.
 *
 * @param version the version the server reported, when it was asked
 * @param paidPlan whether group managers exist (the {@code manager} entitlement)
 * @param releaseLine the Metabase release line (49 for 0.49 and 1.49), when the variant or the
 *     server fixes it; it picks the data-permission model when databases are synced
 */
public record ServerProfile(
    Optional<ServerVersion> version, boolean paidPlan, OptionalInt releaseLine) {}
