package org.batonjava.report;

/**
 * A resource of the file that entitlements are on: a group, a database, a collection, an API key...
 *
 * @param key {@code type:id}
 * @param type the resource type id
 * @param typeName the resource type's display name
 * @param name the resource's display name
 * @param group true for groups (membership resources), false for what access leads to
 */
public record Target(String key, String type, String typeName, String name, boolean group) {}
