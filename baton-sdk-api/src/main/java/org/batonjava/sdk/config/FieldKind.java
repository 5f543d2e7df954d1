package org.batonjava.sdk.config;

/**
 * The value type of a {@link ConfigField}; decides parsing, the help label and the schema field
 * kind.
 */
public enum FieldKind {
  STRING("string"),
  BOOL("bool"),
  INT("int"),
  STRING_LIST("strings");

  private final String label;

  FieldKind(String label) {
    this.label = label;
  }

  /** The type word shown in help, as cobra shows it ({@code --file string}). */
  public String label() {
    return label;
  }
}
