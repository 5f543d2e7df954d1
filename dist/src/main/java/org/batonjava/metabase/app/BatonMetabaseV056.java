package org.batonjava.metabase.app;

import org.batonjava.metabase.connector.MetabaseVariant;
import org.batonjava.sdk.cli.RunEnvironment;

/** {@code baton-metabase-v056}: the drop-in for the Go connector for Metabase 0.50 and later. */
public final class BatonMetabaseV056 {
  private BatonMetabaseV056() {}

  public static void main(String[] args) {
    MetabaseApp.of(MetabaseVariant.V056, RunEnvironment.system()).runAndExit(args);
  }
}
