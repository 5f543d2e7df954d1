package org.batonjava.sdk.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.batonjava.sdk.config.ConfigField;
import org.batonjava.sdk.config.ConfigValues;
import org.batonjava.sdk.config.FieldKind;
import org.batonjava.sdk.crypto.Secret;

/**
 * The final value of every configuration field after flags, environment, config file and defaults,
 * with typed accessors. Secret fields are only reachable through {@link #secret(String)}; {@link
 * #toString()} masks them.
 */
public final class ResolvedConfig implements ConfigValues {
  /** One field's value and where it came from. */
  record Entry(ConfigField field, Object value, ValueOrigin origin) {}

  private final Map<String, Entry> entries;
  private final Set<String> trimmed;

  ResolvedConfig(Map<String, Entry> entries, Set<String> trimmed) {
    this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    this.trimmed = Set.copyOf(trimmed);
  }

  /** A non-secret string field ({@code ""} when unset without default). */
  @Override
  public String string(String name) {
    Entry entry = entry(name, FieldKind.STRING);
    if (entry.field().secret()) {
      throw new IllegalArgumentException(name + " is a secret field; read it with secret()");
    }
    return (String) entry.value();
  }

  /** A secret string field (an empty secret when unset). */
  @Override
  public Secret secret(String name) {
    Entry entry = entry(name, FieldKind.STRING);
    if (!entry.field().secret()) {
      throw new IllegalArgumentException(name + " is not a secret field; read it with string()");
    }
    return (Secret) entry.value();
  }

  @Override
  public boolean bool(String name) {
    return (Boolean) entry(name, FieldKind.BOOL).value();
  }

  public int integer(String name) {
    return Math.toIntExact(longValue(name));
  }

  @Override
  public long longValue(String name) {
    return (Long) entry(name, FieldKind.INT).value();
  }

  /** A string-list field (empty when unset). */
  @Override
  public List<String> strings(String name) {
    @SuppressWarnings("unchecked")
    List<String> value = (List<String>) entry(name, FieldKind.STRING_LIST).value();
    return value;
  }

  /** Whether something other than the default gave the field a non-empty value. */
  public boolean isSet(String name) {
    Entry entry = entry(name);
    return entry.origin().kind() != ValueOrigin.Kind.DEFAULT && !isEmpty(entry.value());
  }

  @Override
  public boolean isDefault(String name) {
    return entry(name).origin().kind() == ValueOrigin.Kind.DEFAULT;
  }

  /** Where the field's value came from. */
  public ValueOrigin origin(String name) {
    return entry(name).origin();
  }

  /** Whether a field of that name exists. */
  public boolean has(String name) {
    return entries.containsKey(name);
  }

  /**
   * Warnings about how values were read, to log once logging is set up: the secret settings whose
   * surrounding whitespace was removed (named, never shown).
   */
  public List<String> warnings() {
    List<String> out = new ArrayList<>();
    for (Entry entry : entries.values()) {
      if (trimmed.contains(entry.field().name())) {
        out.add(SecretValueCheck.trimmedWarning(entry.field(), entry.origin()));
      }
    }
    return out;
  }

  /** Every non-empty secret value, so that error output can be scrubbed of them. */
  List<Secret> secrets() {
    List<Secret> out = new ArrayList<>();
    for (Entry entry : entries.values()) {
      if (entry.value() instanceof Secret s && !s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  static boolean isEmpty(Object value) {
    if (value instanceof String s) {
      return s.isEmpty();
    }
    if (value instanceof Secret s) {
      return s.isEmpty();
    }
    if (value instanceof List<?> l) {
      return l.isEmpty();
    }
    if (value instanceof Boolean b) {
      return !b;
    }
    return false;
  }

  private Entry entry(String name, FieldKind kind) {
    Entry entry = entry(name);
    if (entry.field().kind() != kind) {
      throw new IllegalArgumentException(
          name + " is a " + entry.field().kind() + " field, not " + kind);
    }
    return entry;
  }

  private Entry entry(String name) {
    Entry entry = entries.get(name);
    if (entry == null) {
      throw new IllegalArgumentException("no configuration field named " + name);
    }
    return entry;
  }

  @Override
  public String toString() {
    StringJoiner out = new StringJoiner(", ", "ResolvedConfig{", "}");
    entries.forEach((name, entry) -> out.add(name + "=" + entry.value()));
    return out.toString();
  }
}
