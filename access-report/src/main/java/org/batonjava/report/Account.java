package org.batonjava.report;

import java.time.Instant;
import java.util.Optional;

/**
 * A principal that logs in or calls the API: a person ({@code user}) or a non-human account ({@code
 * api_key}, or any resource with a user trait whose account type is service or system).
 *
 * @param principal index of this account among the model's principals
 * @param key {@code type:id}, as grants name their principal
 * @param name display name
 * @param email primary e-mail (or login), possibly redacted; empty when the file has none
 * @param status enabled, disabled, deleted or unknown
 * @param lastLogin last login, when the file records one
 * @param apiKey true for non-human accounts
 */
public record Account(
    int principal,
    String key,
    String name,
    String email,
    String status,
    Optional<Instant> lastLogin,
    boolean apiKey) {

  public boolean active() {
    return status.equals("enabled") || status.equals("unknown");
  }

  /** The resource type of the account, e.g. {@code user} or {@code api_key}. */
  public String type() {
    return key.substring(0, key.indexOf(':'));
  }
}
