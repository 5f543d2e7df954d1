package org.batonjava.c1sim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A throw-away certificate authority and a {@code localhost}/{@code 127.0.0.1} server certificate
 * (EC P-256, valid two days), made with the {@code openssl} command line (OpenSSL 3) at start-up:
 * the JDK has no public certificate-building API, and no Bouncy Castle is available here. Clients
 * trust {@link #caCertificate()} (what {@code SSL_CERT_FILE} points at for the Go binary).
 */
public final class LocalCertificateAuthority {
  private static final String CA_CONFIG =
      """
      [req]
      distinguished_name = dn
      x509_extensions = v3_ca
      prompt = no
      [dn]
      CN = conductorone-sim test CA
      [v3_ca]
      basicConstraints = critical,CA:TRUE
      keyUsage = critical,keyCertSign,cRLSign
      subjectKeyIdentifier = hash
      """;
  private static final String LEAF_EXTENSIONS =
      """
      basicConstraints = CA:FALSE
      keyUsage = critical,digitalSignature
      extendedKeyUsage = serverAuth
      subjectAltName = DNS:localhost,IP:127.0.0.1
      """;

  private final Path dir;

  private LocalCertificateAuthority(Path dir) {
    this.dir = dir;
  }

  /** Creates the CA and the server certificate in {@code dir} (which must exist). */
  public static LocalCertificateAuthority create(Path dir) {
    try {
      Files.writeString(dir.resolve("ca.cnf"), CA_CONFIG);
      Files.writeString(dir.resolve("leaf.ext"), LEAF_EXTENSIONS);
      openssl(
          dir,
          "req",
          "-x509",
          "-config",
          "ca.cnf",
          "-newkey",
          "ec",
          "-pkeyopt",
          "ec_paramgen_curve:prime256v1",
          "-nodes",
          "-keyout",
          "ca.key",
          "-out",
          "ca.pem",
          "-days",
          "2");
      openssl(
          dir,
          "req",
          "-newkey",
          "ec",
          "-pkeyopt",
          "ec_paramgen_curve:prime256v1",
          "-nodes",
          "-keyout",
          "leaf.key",
          "-out",
          "leaf.csr",
          "-subj",
          "/CN=localhost");
      openssl(
          dir,
          "x509",
          "-req",
          "-in",
          "leaf.csr",
          "-CA",
          "ca.pem",
          "-CAkey",
          "ca.key",
          "-CAcreateserial",
          "-out",
          "leaf.pem",
          "-days",
          "2",
          "-extfile",
          "leaf.ext");
      return new LocalCertificateAuthority(dir);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot create test certificates with openssl: " + e.getMessage(), e);
    }
  }

  /** The CA certificate (PEM) clients must trust. */
  public Path caCertificate() {
    return dir.resolve("ca.pem");
  }

  /** A server-side TLS context with the leaf certificate and its chain. */
  public SSLContext serverContext() {
    try {
      CertificateFactory x509 = CertificateFactory.getInstance("X.509");
      Certificate leaf;
      Certificate ca;
      try (InputStream in = Files.newInputStream(dir.resolve("leaf.pem"))) {
        leaf = x509.generateCertificate(in);
      }
      try (InputStream in = Files.newInputStream(caCertificate())) {
        ca = x509.generateCertificate(in);
      }
      PrivateKey key =
          KeyFactory.getInstance("EC")
              .generatePrivate(new PKCS8EncodedKeySpec(pemBody(dir.resolve("leaf.key"))));
      char[] password = "c1sim".toCharArray();
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("server", key, password, new Certificate[] {leaf, ca});
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot load the test certificates: " + e.getMessage(), e);
    }
  }

  private static byte[] pemBody(Path file) throws IOException {
    String pem = Files.readString(file, StandardCharsets.US_ASCII);
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(base64);
  }

  private static void openssl(Path dir, String... args) throws IOException {
    List<String> command = new java.util.ArrayList<>();
    command.add("openssl");
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("openssl.log").toFile())
            .start();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException(
            "openssl " + args[0] + " failed: " + Files.readString(dir.resolve("openssl.log")));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running openssl", e);
    }
  }
}
