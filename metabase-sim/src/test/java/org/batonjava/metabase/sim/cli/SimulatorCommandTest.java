package org.batonjava.metabase.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad command lines give exit code 2 and exactly one line on stderr, no stack trace. */
class SimulatorCommandTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--bogus|Unknown option",
        "--metabase-version 0.48|unsupported Metabase version 0.48",
        "--metabase-version banana|invalid Metabase version 'banana'",
        "--port 70000|port must be between 0 and 65535",
        "--port abc|Invalid value for option '--port'",
        "--api-key short|API key must start with mb_",
        "--dataset nope|unknown dataset 'nope'",
        "--dataset /does/not/exist.json|cannot read dataset",
        "--error-rate 3|fault rates must be between 0 and 1",
        "--error-statuses 404|fault status 404",
        "--dataset scale --scale-users 0|scale parameters must be positive"
      })
  void badInputIsOneLineAndExitCodeTwo(String args, String expected) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        SimulatorCommand.run(
            args.split(" "), new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).isEqualTo(2);
    String text = err.toString().strip();
    assertThat(text).startsWith("metabase-sim: ").contains(expected);
    assertThat(text.lines().count()).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
  }
}
