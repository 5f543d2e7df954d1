package org.batonjava.metabase.app;

import java.util.Arrays;
import org.batonjava.metabase.connector.MetabaseVariant;
import org.batonjava.report.ReportCommand;
import org.batonjava.sdk.cli.RunEnvironment;

/** {@code baton-metabase}: the drop-in for the Go connector of the same name, plus {@code demo} and {@code report}. */
public final class BatonMetabase {
  private BatonMetabase() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("demo")) {
      System.exit(new DemoCommand(RunEnvironment.system()).run(Arrays.copyOfRange(args, 1, args.length)));
    }
    if (args.length > 0 && args[0].equals("report")) {
      RunEnvironment env = RunEnvironment.system();
      System.exit(new ReportCommand(env.workingDirectory(), env.out(), env.err())
          .run(Arrays.copyOfRange(args, 1, args.length)));
    }
    MetabaseApp.of(MetabaseVariant.UNVERSIONED, RunEnvironment.system()).runAndExit(args);
  }
}
