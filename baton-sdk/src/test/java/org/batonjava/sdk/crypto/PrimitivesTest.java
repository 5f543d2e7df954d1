package org.batonjava.sdk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The building blocks against published test vectors: HKDF (RFC 5869 appendix A), X25519 on raw
 * byte strings (RFC 7748 §6.1), Bech32 (BIP 173), and the Ed25519 → X25519 public key map checked
 * against the X25519 key derived independently from the same secret (RFC 8032 test 1, and random
 * JDK key pairs).
 */
class PrimitivesTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void hkdfMatchesRfc5869TestCase1() {
    byte[] okm =
        Hkdf.sha256(
            repeat(0x0b, 22),
            HEX.parseHex("000102030405060708090a0b0c"),
            HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"),
            42);
    assertThat(HEX.formatHex(okm))
        .isEqualTo(
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
  }

  @Test
  void hkdfWithEmptySaltAndInfoMatchesRfc5869TestCase3() {
    byte[] okm = Hkdf.sha256(repeat(0x0b, 22), new byte[0], new byte[0], 42);
    assertThat(HEX.formatHex(okm))
        .isEqualTo(
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
  }

  @Test
  void hkdfRefusesOverlongOutput() {
    assertThatThrownBy(() -> Hkdf.sha256(new byte[1], new byte[0], new byte[0], 255 * 32 + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void x25519MatchesRfc7748DiffieHellmanVector() {
    byte[] alice = HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    byte[] bob = HEX.parseHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
    assertThat(HEX.formatHex(X25519.publicKey(alice)))
        .isEqualTo("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    assertThat(HEX.formatHex(X25519.publicKey(bob)))
        .isEqualTo("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    assertThat(HEX.formatHex(X25519.scalarMult(alice, X25519.publicKey(bob))))
        .isEqualTo("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
  }

  @Test
  void x25519RefusesLowOrderPoints() {
    byte[] scalar = repeat(0x42, 32);
    assertThatThrownBy(() -> X25519.scalarMult(scalar, new byte[32]))
        .isInstanceOf(EncryptionException.class)
        .hasMessageContaining("low-order");
  }

  @Test
  void bech32DecodesBip173VectorsAndRejectsBadOnes() {
    assertThat(Bech32.decode("A12UEL5L").hrp()).isEqualTo("a");
    assertThat(Bech32.decode("a12uel5l").data()).isEmpty();
    assertThat(Bech32.decode("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw").hrp())
        .isEqualTo("abcdef");
    assertThatThrownBy(() -> Bech32.decode("A12uEL5L")).hasMessageContaining("mixed case");
    assertThatThrownBy(() -> Bech32.decode("a12uel5m")).hasMessageContaining("checksum");
    assertThatThrownBy(() -> Bech32.decode("a1b2uel5l"))
        .hasMessageContaining("invalid data character");
  }

  @Test
  void bech32RoundTripsArbitraryData() {
    for (int n = 0; n < 40; n++) {
      byte[] data = new byte[n];
      for (int i = 0; i < n; i++) {
        data[i] = (byte) (i * 37 + n);
      }
      String encoded = Bech32.encode("age", data);
      assertThat(Bech32.decode(encoded).data()).isEqualTo(data);
      assertThat(Bech32.decode(encoded.toUpperCase(Locale.ROOT)).data()).isEqualTo(data);
    }
  }

  @Test
  void ed25519PublicKeyMapsToTheX25519KeyOfTheSameSecretRfc8032Test1() throws Exception {
    byte[] seed = HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    byte[] edPublic =
        HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    assertThat(Ed25519TestKeys.publicKey(seed)).isEqualTo(edPublic);
    assertThat(Ed25519Montgomery.toX25519(edPublic)).isEqualTo(x25519PublicFromSeed(seed));
  }

  @Test
  void ed25519ToX25519AgreesWithTheSecretSideForRandomKeys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
    for (int i = 0; i < 50; i++) {
      var pair = generator.generateKeyPair();
      byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
      byte[] spki = pair.getPublic().getEncoded();
      byte[] edPublic = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
      assertThat(Ed25519Montgomery.toX25519(edPublic)).isEqualTo(x25519PublicFromSeed(seed));
    }
  }

  @Test
  void ed25519KeysThatAreNotCurvePointsAreRefused() {
    byte[] identity = new byte[32];
    identity[0] = 1; // y = 1
    assertThatThrownBy(() -> Ed25519Montgomery.toX25519(identity)).hasMessageContaining("identity");
    assertThatThrownBy(() -> Ed25519Montgomery.toX25519(new byte[31]))
        .hasMessageContaining("32 bytes");
    // y = 2: (y²−1)/(d·y²+1) is not a square mod p (checked independently with Python's pow(x,
    // (p-1)/2, p)).
    byte[] notOnCurve = new byte[32];
    notOnCurve[0] = 2;
    assertThatThrownBy(() -> Ed25519Montgomery.toX25519(notOnCurve))
        .hasMessageContaining("not a point");
  }

  /**
   * X25519 public key of an Ed25519 secret: clamp(SHA-512(seed)[0..32]) times the base point (RFC
   * 8032 §5.1.5).
   */
  private static byte[] x25519PublicFromSeed(byte[] seed) throws Exception {
    byte[] h = MessageDigest.getInstance("SHA-512").digest(seed);
    return X25519.publicKey(Arrays.copyOf(h, 32));
  }

  static byte[] repeat(int value, int n) {
    byte[] out = new byte[n];
    Arrays.fill(out, (byte) value);
    return out;
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
