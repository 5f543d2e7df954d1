package org.batonjava.metabase.sim.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * API keys (with their pseudo-users), password hashes and login sessions. Part of {@link SimState};
 * callers hold its lock.
 */
public final class Credentials {
  /** Length of the key prefix used for look-up ({@code mb_} + 4). */
  public static final int PREFIX_LENGTH = 7;

  /**
   * A key just created or regenerated, the only time the full key is visible.
   *
   * @param key the key row
   * @param unmaskedKey the full secret
   */
  public record IssuedKey(SimApiKey key, String unmaskedKey) {}

  private final SimState state;
  private final Random uuids;
  private final SecureRandom secrets = new SecureRandom();
  private final Map<Integer, SimApiKey> keys = new HashMap<>();
  private final Map<String, SimApiKey> byPrefix = new HashMap<>();
  private final Map<String, Integer> sessions = new HashMap<>();
  private int nextKeyId = 1;

  Credentials(SimState state, long seed) {
    this.state = state;
    this.uuids = new Random(seed ^ 0x5DEECE66DL);
  }

  /**
   * Whether a user-supplied key has Metabase's accepted form ({@code mb_} prefix, 12–254
   * characters).
   */
  public static boolean validKeyFormat(String key) {
    return key != null && key.startsWith("mb_") && key.length() >= 12 && key.length() <= 254;
  }

  /**
   * Creates a key and its pseudo-user in All Users plus {@code groupId}.
   *
   * @param explicitKey a fixed key (the simulator's admin key) or null to generate one
   */
  public IssuedKey create(String name, int groupId, int createdBy, String explicitKey) {
    String secret = explicitKey != null ? explicitKey : generateKey();
    if (byPrefix.containsKey(secret.substring(0, PREFIX_LENGTH))) {
      throw new IllegalStateException(
          "an API key with prefix " + secret.substring(0, PREFIX_LENGTH) + " exists");
    }
    String email = "api-key-user-" + nextUuid() + "@api-key.invalid";
    SimUser user = state.createUser(SimUser.Type.API_KEY, email, name, "", state.now());
    user.passwordHash(hash(user.id(), nextUuid().toString()));
    if (groupId != SimGroup.ALL_USERS) {
      state.addMembership(user.id(), groupId, false);
    }
    SimApiKey key =
        new SimApiKey(
            nextKeyId++,
            user.id(),
            name,
            groupId,
            state.now(),
            createdBy == 0 ? user.id() : createdBy);
    keys.put(key.id(), key);
    install(key, secret);
    return new IssuedKey(key, secret);
  }

  /** Replaces the secret; the old key stops working at once. */
  public IssuedKey regenerate(SimApiKey key, int by) {
    byPrefix.remove(key.prefix());
    String secret;
    do {
      secret = generateKey();
    } while (byPrefix.containsKey(secret.substring(0, PREFIX_LENGTH)));
    install(key, secret);
    key.touched(state.now(), by);
    return new IssuedKey(key, secret);
  }

  /** Renames a key and its pseudo-user. */
  public void rename(SimApiKey key, String name, int by) {
    key.name(name);
    state.rename(state.user(key.userId()), name, "");
    key.touched(state.now(), by);
  }

  /** Moves a key to another group (replace-all: All Users + the new group). */
  public void changeGroup(SimApiKey key, int groupId, int by) {
    for (SimMembership m : List.copyOf(state.membershipsOf(key.userId()))) {
      if (m.groupId() != SimGroup.ALL_USERS) {
        state.removeMembership(m.id());
      }
    }
    if (groupId != SimGroup.ALL_USERS) {
      state.addMembership(key.userId(), groupId, false);
    }
    key.groupId(groupId);
    key.touched(state.now(), by);
  }

  /** Deletes a key; its pseudo-user is deactivated but keeps its membership rows. */
  public void delete(SimApiKey key) {
    keys.remove(key.id());
    byPrefix.remove(key.prefix());
    state.setActive(state.user(key.userId()), false);
  }

  public SimApiKey key(int id) {
    return keys.get(id);
  }

  /** Keys sorted by id. */
  public List<SimApiKey> keys() {
    List<SimApiKey> list = new ArrayList<>(keys.values());
    list.sort(Comparator.comparingInt(SimApiKey::id));
    return list;
  }

  public boolean keyNameTaken(String name) {
    return keys.values().stream().anyMatch(k -> k.name().equals(name));
  }

  /**
   * The active pseudo-user of a presented key, or null (unknown, revoked, wrong secret, inactive
   * user).
   */
  public SimUser authenticateKey(String presented) {
    if (presented == null || presented.length() < PREFIX_LENGTH) {
      return null;
    }
    SimApiKey key = byPrefix.get(presented.substring(0, PREFIX_LENGTH));
    if (key == null
        || !MessageDigest.isEqual(
            key.keyHash().getBytes(StandardCharsets.US_ASCII),
            sha256(presented).getBytes(StandardCharsets.US_ASCII))) {
      return null;
    }
    SimUser user = state.user(key.userId());
    return user != null && user.active() ? user : null;
  }

  // ---- passwords and sessions
  // ----------------------------------------------------------------------------

  public void setPassword(SimUser user, String password) {
    user.passwordHash(hash(user.id(), password));
  }

  /** A random password hash for users created without a password. */
  public void setRandomPassword(SimUser user) {
    user.passwordHash(hash(user.id(), nextUuid().toString()));
  }

  /** Logs in a personal, active user; returns the new session id or null. */
  public String login(String email, String password) {
    SimUser user = state.userByEmail(email);
    if (user == null
        || !user.personal()
        || !user.active()
        || password == null
        || !hash(user.id(), password).equals(user.passwordHash())) {
      return null;
    }
    String id = UUID.randomUUID().toString();
    sessions.put(id, user.id());
    user.lastLogin(state.now());
    return id;
  }

  /** The active user of a session id, or null. */
  public SimUser sessionUser(String sessionId) {
    Integer uid = sessionId == null ? null : sessions.get(sessionId);
    SimUser user = uid == null ? null : state.user(uid);
    return user != null && user.active() ? user : null;
  }

  public void logout(String sessionId) {
    sessions.remove(sessionId);
  }

  private void install(SimApiKey key, String secret) {
    String prefix = secret.substring(0, PREFIX_LENGTH);
    key.secret(prefix, sha256(secret), prefix + "*".repeat(secret.length() - PREFIX_LENGTH));
    byPrefix.put(prefix, key);
  }

  private String generateKey() {
    byte[] bytes = new byte[32];
    secrets.nextBytes(bytes);
    return "mb_" + Base64.getEncoder().encodeToString(bytes);
  }

  private UUID nextUuid() {
    return new UUID(uuids.nextLong(), uuids.nextLong());
  }

  private static String hash(int userId, String password) {
    return sha256(userId + ":" + password);
  }

  private static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
