package org.batonjava.metabase.server;

import io.grpc.Status;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import org.batonjava.sdk.connector.ConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Auto mode: reads {@code version.tag} from the public {@code GET /api/session/properties}, accepts
 * any Metabase ≥ 0.49 (free {@code v0.NN.x} or paid {@code v1.NN.x}), picks the permission model of
 * that line, treats a paid build as having the paid plan, and checks the key with {@link
 * AdminKeyCheck}.
 */
public final class VersionDetection implements ServerCheck {
  private static final Logger LOG = LoggerFactory.getLogger(VersionDetection.class);
  static final int FIRST_SUPPORTED_MINOR = 49;

  private final boolean paidPlanFlag;
  private final IntFunction<String> modelName;

  /**
   * @param paidPlanFlag the paid-plan flag
   * @param modelName the name of the data-permission model of a release line, for the log
   */
  public VersionDetection(boolean paidPlanFlag, IntFunction<String> modelName) {
    this.paidPlanFlag = paidPlanFlag;
    this.modelName = modelName;
  }

  @Override
  public Optional<ServerProfile> assumed() {
    return Optional.empty();
  }

  @Override
  public ServerProfile check(ServerApi client) {
    VersionInfo info = client.sessionVersion();
    if (info.tag() == null || info.tag().isBlank()) {
      throw new ConnectorException(
          Status.Code.FAILED_PRECONDITION,
          "Metabase at "
              + client.baseUrl()
              + " did not report its version (GET /api/session/properties has no version.tag); check --metabase-base-url");
    }
    ServerVersion version = ServerVersion.parse(info.tag());
    if (version.major() != 0 && version.major() != 1) {
      throw new ConnectorException(
          Status.Code.FAILED_PRECONDITION,
          "unsupported Metabase version: "
              + version
              + " (expected a v0.NN.x or v1.NN.x release tag)");
    }
    if (version.minor() < FIRST_SUPPORTED_MINOR) {
      throw new ConnectorException(
          Status.Code.FAILED_PRECONDITION,
          "unsupported Metabase version: "
              + version
              + " (Metabase has API keys from 0.49 on; upgrade to 0.49 or newer)");
    }
    AdminKeyCheck.requireAdministrator(client);
    boolean paid = paidPlanFlag || version.paidBuild();
    LOG.info(
        "Metabase {} ({} build): using the {} model{}",
        version,
        version.paidBuild() ? "paid" : "free",
        modelName.apply(version.minor()),
        paid ? " and group managers" : "");
    return new ServerProfile(Optional.of(version), paid, OptionalInt.of(version.minor()));
  }
}
