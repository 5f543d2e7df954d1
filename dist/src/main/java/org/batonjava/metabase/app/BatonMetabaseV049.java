package org.batonjava.metabase.app;

import org.batonjava.metabase.connector.MetabaseVariant;
import org.batonjava.sdk.cli.RunEnvironment;

/** {@code baton-metabase-v049}: the drop-in for the Go connector for Metabase 0.49. */
public final class BatonMetabaseV049 {
  private BatonMetabaseV049() {}

  public static void main(String[] args) {
    MetabaseApp.of(MetabaseVariant.V049, RunEnvironment.system()).runAndExit(args);
  }
}
