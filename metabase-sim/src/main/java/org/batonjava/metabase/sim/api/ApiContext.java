package org.batonjava.metabase.sim.api;

import org.batonjava.metabase.sim.state.MetabaseVersion;
import org.batonjava.metabase.sim.state.SimState;

/**
 * What every endpoint group needs: the state, and the imitated version and edition.
 *
 * @param state the application database
 * @param version the imitated Metabase line
 * @param paid true for a paid (EE, {@code v1.NN}) build with advanced-permissions
 */
public record ApiContext(SimState state, MetabaseVersion version, boolean paid) {}
