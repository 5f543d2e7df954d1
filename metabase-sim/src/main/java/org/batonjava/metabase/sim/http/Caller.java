package org.batonjava.metabase.sim.http;

/**
 * Who is calling: the (pseudo-)user a session or API key resolved to.
 *
 * @param userId the user id (an API key's pseudo-user for key auth)
 * @param superuser true iff that user is in Administrators
 * @param viaApiKey true when authenticated by {@code X-API-Key}
 */
public record Caller(int userId, boolean superuser, boolean viaApiKey) {}
