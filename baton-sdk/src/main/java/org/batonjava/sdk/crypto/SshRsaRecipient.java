package org.batonjava.sdk.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * An age {@code ssh-rsa} recipient (the agessh construction): the file key is RSA-OAEP encrypted
 * with SHA-256, MGF1-SHA-256 and the label {@code age-encryption.org/v1/ssh-rsa}; the stanza is
 * {@code -> ssh-rsa <tag>}. Keys under 2048 bits are refused, as agessh does (it compares the
 * modulus size in whole bytes).
 */
public final class SshRsaRecipient implements AgeRecipient {
  private static final byte[] LABEL =
      "age-encryption.org/v1/ssh-rsa".getBytes(StandardCharsets.US_ASCII);
  private static final int MIN_BITS = 2048;

  private final SshPublicKey sshKey;
  private final RSAPublicKey publicKey;

  private SshRsaRecipient(SshPublicKey sshKey) {
    this.sshKey = sshKey;
    this.publicKey = sshKey.rsaKey();
    int sizeInBits = (publicKey.getModulus().bitLength() + 7) / 8 * 8;
    if (sizeInBits < MIN_BITS) {
      throw new EncryptionException(
          "ssh-rsa recipient: the RSA key has "
              + publicKey.getModulus().bitLength()
              + " bits; at least "
              + MIN_BITS
              + " are required");
    }
  }

  /** The recipient for an RSA public key (e.g. from a JWK). */
  public static SshRsaRecipient of(RSAPublicKey key) {
    return new SshRsaRecipient(SshPublicKey.rsa(key));
  }

  /** The recipient for an {@code ssh-rsa} key. */
  public static SshRsaRecipient of(SshPublicKey key) {
    if (!key.type().equals(SshPublicKey.RSA)) {
      throw new EncryptionException("an ssh-rsa recipient needs an ssh-rsa key, got " + key.type());
    }
    return new SshRsaRecipient(key);
  }

  @Override
  public AgeStanza wrap(byte[] fileKey, SecureRandom random) {
    try {
      Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
      OAEPParameterSpec oaep =
          new OAEPParameterSpec(
              "SHA-256", "MGF1", MGF1ParameterSpec.SHA256, new PSource.PSpecified(LABEL));
      cipher.init(Cipher.ENCRYPT_MODE, publicKey, oaep, random);
      return new AgeStanza(SshPublicKey.RSA, List.of(sshKey.ageTag()), cipher.doFinal(fileKey));
    } catch (GeneralSecurityException e) {
      throw new EncryptionException("ssh-rsa recipient: RSA-OAEP encryption failed", e);
    }
  }

  @Override
  public String toString() {
    return sshKey.toString();
  }
}
