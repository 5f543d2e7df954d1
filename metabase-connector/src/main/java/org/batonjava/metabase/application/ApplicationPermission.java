package org.batonjava.metabase.application;

import java.util.Optional;

/**
 * Metabase's closed set of application permissions (paid builds), each {@code yes} or {@code no}
 * per group in the application graph. The key is both Metabase's name in the graph and the resource
 * id.
 */
enum ApplicationPermission {
  SETTING(
      "setting",
      "Settings",
      "Can open and change the admin settings (authentication, e-mail, Slack, public"
          + " sharing, embedding, caching, …) and list and remove public links: close to administrator access"),
  MONITORING(
      "monitoring",
      "Monitoring",
      "Can use the admin tools and troubleshooting pages (logs, tasks, jobs)"),
  SUBSCRIPTION(
      "subscription",
      "Subscriptions and alerts",
      "Can create dashboard subscriptions and alerts, which send"
          + " results out by e-mail or Slack");

  private final String key;
  private final String label;
  private final String meaning;

  ApplicationPermission(String key, String label, String meaning) {
    this.key = key;
    this.label = label;
    this.meaning = meaning;
  }

  String key() {
    return key;
  }

  String label() {
    return label;
  }

  String meaning() {
    return meaning;
  }

  static Optional<ApplicationPermission> ofKey(String key) {
    for (ApplicationPermission p : values()) {
      if (p.key.equals(key)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
