package org.batonjava.sdk.connector;

/**
 * Static facts about a connector.
 *
 * @param name the binary name (e.g. {@code baton-metabase}); used in logs and the version line
 * @param displayName shown to people (e.g. {@code Metabase})
 * @param description one sentence about what it syncs
 * @param version the connector's own version
 */
public record ConnectorInfo(String name, String displayName, String description, String version) {}
