package org.batonjava.metabase.server;

import io.grpc.Status;
import java.util.Optional;
import java.util.OptionalInt;
import org.batonjava.sdk.connector.ConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The v049/v056 check: {@code GET /api/setting/version} (administrators only, so it also proves the
 * key) must report the variant's release line. Unlike the Go connectors it accepts the paid builds
 * of that line ({@code v1.49.x}, {@code v1.56.x}).
 */
public final class VersionGate implements ServerCheck {
  private static final Logger LOG = LoggerFactory.getLogger(VersionGate.class);

  private final int minor;
  private final boolean paidPlan;

  public VersionGate(int minor, boolean paidPlan) {
    this.minor = minor;
    this.paidPlan = paidPlan;
  }

  @Override
  public Optional<ServerProfile> assumed() {
    return Optional.of(new ServerProfile(Optional.empty(), paidPlan, OptionalInt.of(minor)));
  }

  @Override
  public ServerProfile check(ServerApi client) {
    ServerVersion version = ServerVersion.parse(client.settingVersion().tag());
    if ((version.major() != 0 && version.major() != 1) || version.minor() != minor) {
      String hint =
          version.minor() == 49
              ? "the v049 variant"
              : version.minor() == 56 ? "the v056 variant" : "auto mode";
      throw new ConnectorException(
          Status.Code.FAILED_PRECONDITION,
          "unsupported Metabase version: "
              + version
              + " (this connector supports only Metabase v0."
              + minor
              + ".x and v1."
              + minor
              + ".x; use "
              + hint
              + " for this server)");
    }
    PaidBuildHint.log(LOG, version, paidPlan);
    return new ServerProfile(Optional.of(version), paidPlan, OptionalInt.of(minor));
  }
}
