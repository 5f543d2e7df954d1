package org.batonjava.metabase.sim.api;

import org.batonjava.metabase.sim.MetabaseVersion;
import org.batonjava.metabase.sim.permissions.PermissionModel;
import org.batonjava.metabase.sim.state.SimState;

/**
 * What every endpoint group needs: the state, the imitated version and edition, and the permission model.
 *
 * @param state the application database
 * @param version the imitated Metabase line
 * @param paid true for a paid (EE, {@code v1.NN}) build with advanced-permissions
 * @param permissions the version's data-permission model
 */
public record ApiContext(SimState state, MetabaseVersion version, boolean paid, PermissionModel permissions) {
}
