package org.batonjava.sdk.service;

import c1.connectorapi.baton.v1.BatonServiceHelloRequest.OSInfo;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Facts about the machine for the Hello call. ConductorOne refuses a registration with an empty OS
 * field, so every field has a fallback, as in the Go SDK: hostname {@code unknown}, kernel version
 * {@code unknown}, platform ← OS, platform family ← platform, platform version ← kernel version,
 * virtualization {@code none}.
 *
 * @param hostId {@code BATON_HOST_ID}, else the hostname, else {@code baton-sdk}
 * @param osInfo the OS description
 */
record HostInfo(String hostId, OSInfo osInfo) {

  /** Probes this machine; {@code hostIdOverride} is {@code BATON_HOST_ID}. */
  static HostInfo probe(Optional<String> hostIdOverride) {
    Optional<String> hostname = hostname();
    String hostId = hostIdOverride.filter(s -> !s.isBlank()).or(() -> hostname).orElse("baton-sdk");
    Map<String, String> release = osRelease();
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String kernelVersion = nonEmpty(System.getProperty("os.version"), "unknown");
    String platform = nonEmpty(release.get("ID"), nonEmpty(os, "unknown"));
    String family = nonEmpty(firstWord(release.get("ID_LIKE")), platform);
    OSInfo info =
        OSInfo.newBuilder()
            .setHostname(hostname.orElse("unknown"))
            .setOs(nonEmpty(os, "unknown"))
            .setPlatform(platform)
            .setPlatformVersion(nonEmpty(release.get("VERSION_ID"), kernelVersion))
            .setPlatformFamily(family)
            .setKernelVersion(kernelVersion)
            .setKernelArch(kernelArch(System.getProperty("os.arch", "")))
            .setVirtualizationSystem(virtualization())
            .build();
    return new HostInfo(truncate(hostId), info);
  }

  private static Optional<String> hostname() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return Optional.of(env.trim());
    }
    try {
      Path etc = Path.of("/etc/hostname");
      if (Files.isReadable(etc)) {
        String name = Files.readString(etc).trim();
        if (!name.isEmpty()) {
          return Optional.of(name);
        }
      }
      return Optional.of(InetAddress.getLocalHost().getHostName()).filter(s -> !s.isBlank());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Map<String, String> osRelease() {
    Map<String, String> out = new HashMap<>();
    Path file = Path.of("/etc/os-release");
    try {
      if (Files.isReadable(file)) {
        for (String line : Files.readAllLines(file)) {
          int eq = line.indexOf('=');
          if (eq > 0) {
            out.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim().replace("\"", ""));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // facts are best effort
    }
    return out;
  }

  /** Go reports {@code uname -m}: {@code x86_64}, {@code aarch64}. */
  private static String kernelArch(String javaArch) {
    return switch (javaArch) {
      case "amd64", "x86_64" -> "x86_64";
      case "aarch64", "arm64" -> "aarch64";
      case "" -> "unknown";
      default -> javaArch;
    };
  }

  private static String virtualization() {
    if (Files.exists(Path.of("/.dockerenv"))) {
      return "docker";
    }
    if (System.getenv("KUBERNETES_SERVICE_HOST") != null) {
      return "kubernetes";
    }
    return "none";
  }

  private static String firstWord(String s) {
    return s == null ? null : s.trim().split("\\s+", -1)[0];
  }

  private static String nonEmpty(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : truncate(value.trim());
  }

  private static String truncate(String s) {
    return s.length() > 256 ? s.substring(0, 256) : s;
  }
}
