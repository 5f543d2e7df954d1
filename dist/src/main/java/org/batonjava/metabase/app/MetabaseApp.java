package org.batonjava.metabase.app;

import org.batonjava.metabase.connector.MetabaseDefinition;
import org.batonjava.metabase.connector.MetabaseVariant;
import org.batonjava.report.ReportCommand;
import org.batonjava.sdk.cli.BatonApp;
import org.batonjava.sdk.cli.RunEnvironment;
import org.batonjava.sdk.connector.GoSdkShape;

/**
 * The command line of one drop-in binary: the connector (its names, settings and factory come from
 * {@link MetabaseDefinition}), the Go SDK generation whose {@code capabilities}/{@code config}
 * output it imitates, and the extra subcommands of {@code baton-metabase}.
 */
public final class MetabaseApp {
  private MetabaseApp() {}

  /**
   * The app of {@code variant} ({@link MetabaseVariant#UNVERSIONED}, {@code V049} or {@code V056}).
   */
  public static BatonApp of(MetabaseVariant variant, RunEnvironment environment) {
    BatonApp.Builder app =
        BatonApp.builder()
            .connector(new MetabaseDefinition(variant))
            .version(version())
            .goSdkShape(
                variant == MetabaseVariant.UNVERSIONED ? GoSdkShape.V0_25_0 : GoSdkShape.V0_5_6)
            .environment(environment);
    if (variant == MetabaseVariant.UNVERSIONED) {
      app.command(new DemoCommand());
      app.command(new ReportCommand());
    }
    return app.build();
  }

  static String version() {
    String v = MetabaseApp.class.getPackage().getImplementationVersion();
    return v == null || v.isBlank() ? "dev" : v;
  }
}
