package org.batonjava.metabase.server;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Metabase's {@code version} object ({@code /api/setting/version}, {@code version} in session
 * properties).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VersionInfo(
    @JsonProperty("tag") String tag,
    @JsonProperty("date") String date,
    @JsonProperty("branch") String branch,
    @JsonProperty("hash") String hash) {}
