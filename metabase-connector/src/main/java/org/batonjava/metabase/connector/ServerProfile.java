package org.batonjava.metabase.connector;

import java.util.Optional;
import org.batonjava.metabase.client.ServerVersion;

/**
 * What a sync assumes about the Metabase it talks to.
 *
 * @param version the version the server reported, when it was asked
 * @param paidPlan whether group managers exist (the {@code manager} entitlement)
 * @param model the data-permission model, when databases are synced
 */
public record ServerProfile(Optional<ServerVersion> version, boolean paidPlan, Optional<PermissionModel> model) {}
