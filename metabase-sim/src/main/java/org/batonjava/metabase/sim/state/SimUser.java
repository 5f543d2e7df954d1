package org.batonjava.metabase.sim.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A row of {@code core_user}. Mutable, but only ever touched while holding the {@link SimState}
 * lock.
 */
public final class SimUser {
  /** {@code core_user.type}: a person or an API key's pseudo-user. */
  public enum Type {
    PERSONAL,
    API_KEY
  }

  private final int id;
  private final Type type;
  private final Instant dateJoined;
  private String email;
  private String firstName;
  private String lastName;
  private boolean active = true;
  private Instant lastLogin;
  private Instant updatedAt;
  private String passwordHash;
  private JsonNode loginAttributes;
  private String locale;
  private String ssoSource;
  private boolean qbnewb = true;

  SimUser(int id, Type type, String email, String firstName, String lastName, Instant dateJoined) {
    this.id = id;
    this.type = type;
    this.email = email;
    this.firstName = firstName;
    this.lastName = lastName;
    this.dateJoined = dateJoined;
    this.updatedAt = dateJoined;
  }

  public int id() {
    return id;
  }

  public Type type() {
    return type;
  }

  public boolean personal() {
    return type == Type.PERSONAL;
  }

  public String email() {
    return email;
  }

  void email(String email) {
    this.email = email;
  }

  public String firstName() {
    return firstName;
  }

  public String lastName() {
    return lastName;
  }

  void names(String first, String last) {
    this.firstName = first;
    this.lastName = last;
  }

  /** Trimmed {@code first + " " + last}, or the e-mail when both are null. */
  public String commonName() {
    if (firstName == null && lastName == null) {
      return email;
    }
    String joined = (firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName);
    return joined.trim();
  }

  public boolean active() {
    return active;
  }

  void active(boolean active) {
    this.active = active;
  }

  public Instant dateJoined() {
    return dateJoined;
  }

  public Instant lastLogin() {
    return lastLogin;
  }

  public void lastLogin(Instant lastLogin) {
    this.lastLogin = lastLogin;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public void touch(Instant at) {
    this.updatedAt = at;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public void passwordHash(String hash) {
    this.passwordHash = hash;
  }

  public JsonNode loginAttributes() {
    return loginAttributes;
  }

  public void loginAttributes(JsonNode attributes) {
    this.loginAttributes = attributes;
  }

  public String locale() {
    return locale;
  }

  public void locale(String locale) {
    this.locale = locale;
  }

  public String ssoSource() {
    return ssoSource;
  }

  public void ssoSource(String ssoSource) {
    this.ssoSource = ssoSource;
  }

  public boolean qbnewb() {
    return qbnewb;
  }

  public void qbnewb(boolean qbnewb) {
    this.qbnewb = qbnewb;
  }
}
