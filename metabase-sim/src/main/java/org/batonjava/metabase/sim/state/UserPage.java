package org.batonjava.metabase.sim.state;

import java.util.List;

/**
 * One page of users and the total count of users matching the filters (ignoring limit/offset).
 *
 * @param users the page
 * @param total matches before paging
 */
public record UserPage(List<SimUser> users, int total) {}
