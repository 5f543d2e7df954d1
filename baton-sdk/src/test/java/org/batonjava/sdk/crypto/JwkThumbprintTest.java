package org.batonjava.sdk.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Key ids are the RFC 7638 SHA-256 thumbprints, in lowercase hex (Baton's encoding), checked on the
 * RFCs' examples.
 */
class JwkThumbprintTest {
  /** RFC 7638 §3.1: the RSA key whose thumbprint is NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs. */
  static final String RFC7638_RSA_JWK =
      "{\"kty\":\"RSA\",\"n\":\"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4"
          + "cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4"
          + "QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQF"
          + "h6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw\",\"e\":\"AQAB\",\"alg\":\"RS256\","
          + "\"kid\":\"2011-04-29\"}";

  /**
   * RFC 8037 appendix A.2/A.3: the Ed25519 public key whose thumbprint is
   * kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k.
   */
  static final String RFC8037_OKP_JWK =
      "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";

  @Test
  void rsaExampleOfRfc7638() throws Exception {
    String hex = JwkThumbprint.hex(JWK.parse(RFC7638_RSA_JWK));
    assertThat(hex)
        .isEqualTo(hexOfBase64Url("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"))
        .isEqualTo("3736cbb1787cb8309c77ee8c3705c5e16ffb9e859715901f1e4c59b11182f57b");
    assertThat(PublicJwk.parse(RFC7638_RSA_JWK.getBytes(StandardCharsets.UTF_8)).keyId())
        .isEqualTo(hex);
  }

  @Test
  void ed25519ExampleOfRfc8037() throws Exception {
    assertThat(JwkThumbprint.hex(JWK.parse(RFC8037_OKP_JWK)))
        .isEqualTo(hexOfBase64Url("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"))
        .isEqualTo("90facafea9b1556698540f70c0117a22ea37bd5cf3ed3c47093c1707282b4b89");
  }

  @Test
  void privateMembersDoNotChangeTheThumbprint() throws Exception {
    String withPrivate =
        "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"d\":\"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\","
            + "\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";
    assertThat(JwkThumbprint.hex(JWK.parse(withPrivate)))
        .isEqualTo("90facafea9b1556698540f70c0117a22ea37bd5cf3ed3c47093c1707282b4b89");
  }

  static String hexOfBase64Url(String s) {
    return HexFormat.of().formatHex(Base64.getUrlDecoder().decode(s));
  }
}
