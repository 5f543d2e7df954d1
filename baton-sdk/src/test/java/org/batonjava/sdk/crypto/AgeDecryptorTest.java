package org.batonjava.sdk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening age files addressed to an ssh-ed25519 key: files made by the real {@code age} CLI (so the
 * decryptor is checked against the reference implementation, not against our own encryptor), our
 * own round trip, and every kind of damage, which must always end in a {@link DecryptionException}
 * and never in plaintext or another error.
 */
class AgeDecryptorTest {
  private static final int MAX = 1 << 20;

  @TempDir Path dir;

  private final byte[] seed = seed(7);
  private final byte[] publicKey = Ed25519TestKeys.publicKey(seed);
  private final SshEd25519Identity identity = SshEd25519Identity.of(seed, publicKey);

  @Test
  void opensWhatTheAgeCliEncryptsToTheSshKeyAtEverySizeAroundAChunk() throws Exception {
    Path recipients = dir.resolve("recipients.txt");
    Files.writeString(
        recipients,
        "ssh-ed25519 "
            + Base64.getEncoder().encodeToString(SshPublicKey.ed25519(publicKey).wire())
            + " test@batonjava\n"
            + "ssh-ed25519 "
            + Base64.getEncoder()
                .encodeToString(SshPublicKey.ed25519(Ed25519TestKeys.publicKey(seed(8))).wire())
            + " someone-else\n",
        StandardCharsets.US_ASCII);
    AgeCli age = AgeCli.fromBuild();
    for (int size : List.of(0, 1, 24, 65_535, 65_536, 65_537, 200_000)) {
      byte[] plaintext = randomBytes(size, size);
      Path input = dir.resolve("plain-" + size);
      Files.write(input, plaintext);
      byte[] file = age.encrypt(recipients, input);
      assertThat(AgeDecryptor.decrypt(file, identity, MAX))
          .as("%d bytes", size)
          .isEqualTo(plaintext);
      assertThat(
              AgeDecryptor.decrypt(
                  file, SshEd25519Identity.of(seed(8), Ed25519TestKeys.publicKey(seed(8))), MAX))
          .as("the second recipient opens it too")
          .isEqualTo(plaintext);
    }
  }

  @Test
  void opensOurOwnSshEd25519Files() {
    byte[] plaintext = "Tr0ub4dor&3 \"quoted\" \\ ünïcode".getBytes(StandardCharsets.UTF_8);
    byte[] file = new AgeEncryptor().encrypt(plaintext, List.of(SshEd25519Recipient.of(publicKey)));
    assertThat(AgeDecryptor.decrypt(file, identity, MAX)).isEqualTo(plaintext);
  }

  @Test
  void aFileForAnotherKeyIsRefused() {
    byte[] file =
        new AgeEncryptor()
            .encrypt(
                new byte[] {1, 2, 3},
                List.of(SshEd25519Recipient.of(Ed25519TestKeys.publicKey(seed(9)))));
    assertThatThrownBy(() -> AgeDecryptor.decrypt(file, identity, MAX))
        .isInstanceOf(DecryptionException.class)
        .hasMessage("the age file is not addressed to this key (no matching recipient stanza)");
  }

  @Test
  void aPayloadLargerThanTheLimitIsRefusedBeforeDecrypting() {
    byte[] file =
        new AgeEncryptor().encrypt(new byte[4096], List.of(SshEd25519Recipient.of(publicKey)));
    assertThatThrownBy(() -> AgeDecryptor.decrypt(file, identity, 4095))
        .isInstanceOf(DecryptionException.class)
        .hasMessage("the age payload is larger than the 4095 bytes accepted here");
    assertThat(AgeDecryptor.decrypt(file, identity, 4096)).hasSize(4096);
  }

  @Test
  void everyFlippedBitAndEveryTruncationIsRefused() {
    byte[] plaintext = randomBytes(70_000, 1);
    byte[] file = new AgeEncryptor().encrypt(plaintext, List.of(SshEd25519Recipient.of(publicKey)));
    Random random = new Random(42);
    int headerEnd = indexOf(file, "\n--- ") + 49; // first payload byte
    for (int i = 0; i < 600; i++) {
      // every header byte, then random payload positions
      int position = i < headerEnd ? i : headerEnd + random.nextInt(file.length - headerEnd);
      byte[] damaged = file.clone();
      damaged[position] ^= (byte) (1 << random.nextInt(8));
      assertRefused(damaged, "bit flipped at " + position);
    }
    for (int length :
        List.of(
            0,
            10,
            22,
            headerEnd - 1,
            headerEnd,
            headerEnd + 16,
            headerEnd + 40,
            65_552 + headerEnd,
            file.length - 17,
            file.length - 1)) {
      assertRefused(Arrays.copyOf(file, length), "cut to " + length);
    }
    byte[] extended = Arrays.copyOf(file, file.length + 16);
    assertRefused(extended, "16 bytes appended");
    assertRefused("not an age file at all\n".getBytes(StandardCharsets.US_ASCII), "text");
  }

  private void assertRefused(byte[] damaged, String what) {
    assertThatThrownBy(() -> AgeDecryptor.decrypt(damaged, identity, MAX))
        .as(what)
        .isInstanceOf(DecryptionException.class);
  }

  @Test
  void aSeedThatDoesNotMatchItsPublicKeyIsRefused() {
    assertThatThrownBy(() -> SshEd25519Identity.of(seed(1), publicKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the Ed25519 seed and public key do not belong together");
  }

  private static byte[] seed(int n) {
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) n);
    return seed;
  }

  private static byte[] randomBytes(int size, long seed) {
    byte[] out = new byte[size];
    new Random(seed).nextBytes(out);
    return out;
  }

  private static int indexOf(byte[] haystack, String needle) {
    byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + n.length <= haystack.length; i++) {
      for (int j = 0; j < n.length; j++) {
        if (haystack[i + j] != n[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError(needle + " not found");
  }
}
