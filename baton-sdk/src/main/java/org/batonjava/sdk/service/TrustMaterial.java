package org.batonjava.sdk.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificate authorities trusted for ConductorOne: the JDK's defaults plus the PEM
 * certificates of the configured CA files (by default {@code SSL_CERT_FILE} and {@code
 * SSL_CERT_DIR}, which the Go binary honours). TLS stays mandatory; there is no way to turn
 * verification off.
 */
final class TrustMaterial {
  private static final Logger LOG = LoggerFactory.getLogger(TrustMaterial.class);

  private final TrustManagerFactory factory;

  private TrustMaterial(TrustManagerFactory factory) {
    this.factory = factory;
  }

  /**
   * JDK defaults + the certificates of every PEM file in {@code caFiles} (each must exist and hold
   * some).
   */
  static TrustMaterial load(List<Path> caFiles) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int n = 0;
      for (X509Certificate cert : defaultIssuers()) {
        store.setCertificateEntry("jdk-" + n++, cert);
      }
      int extra = 0;
      for (Path file : caFiles) {
        for (Certificate cert : readPem(file)) {
          store.setCertificateEntry("extra-" + extra++, cert);
        }
      }
      if (extra > 0) {
        LOG.info("Trusting {} extra CA certificate(s) from {} for ConductorOne", extra, caFiles);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return new TrustMaterial(factory);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up the TLS trust store: " + e.getMessage(), e);
    }
  }

  /**
   * {@code SSL_CERT_FILE} and the {@code .pem}/{@code .crt} files of {@code SSL_CERT_DIR}, as Go
   * reads them.
   */
  static List<Path> fromEnvironment(Map<String, String> env) {
    List<Path> files = new ArrayList<>();
    Optional.ofNullable(env.get("SSL_CERT_FILE"))
        .filter(s -> !s.isBlank())
        .map(Path::of)
        .ifPresent(files::add);
    String dirs = env.get("SSL_CERT_DIR");
    if (dirs != null && !dirs.isBlank()) {
      for (String dir : dirs.split(":", -1)) {
        if (!dir.isBlank()) {
          files.addAll(filesIn(Path.of(dir)));
        }
      }
    }
    return files;
  }

  TrustManagerFactory trustManagerFactory() {
    return factory;
  }

  /** An SSL context (TLS 1.2+) for the token endpoint's HTTP client. */
  SSLContext sslContext() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static List<X509Certificate> defaultIssuers() throws GeneralSecurityException {
    TrustManagerFactory defaults =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    defaults.init((KeyStore) null);
    List<X509Certificate> out = new ArrayList<>();
    for (TrustManager tm : defaults.getTrustManagers()) {
      if (tm instanceof X509TrustManager x509) {
        out.addAll(List.of(x509.getAcceptedIssuers()));
      }
    }
    return out;
  }

  private static List<? extends Certificate> readPem(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("the CA certificate file " + file + " does not exist");
    }
    try (InputStream in = Files.newInputStream(file)) {
      List<? extends Certificate> certs =
          new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
      if (certs.isEmpty()) {
        throw new IllegalArgumentException(
            "the CA certificate file " + file + " holds no PEM certificates");
      }
      return certs;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "the CA certificate file " + file + " holds no readable PEM certificates", e);
    }
  }

  private static List<Path> filesIn(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(p -> p.toString().endsWith(".pem") || p.toString().endsWith(".crt"))
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
