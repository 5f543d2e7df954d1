package org.batonjava.report;

/**
 * An entitlement of the file: a level of access on one target.
 *
 * @param id the entitlement id, e.g. {@code database:2:query-builder}
 * @param target index of the target it is on
 * @param slug the level, e.g. {@code query-builder}, {@code member}, {@code curate}
 * @param rank position of this level among the target's entitlements, in file order (the connector
 *     lists weaker levels first), used to tell the highest level a principal holds
 */
public record Level(String id, int target, String slug, int rank) {}
