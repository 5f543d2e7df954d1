package org.batonjava.sdk.service;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM and SIGINT for a service process: instead of the JVM's default (run shutdown hooks, exit
 * 143/130), each signal calls {@link ServiceRunner#shutdown()} so that running tasks can finish and
 * report, after which {@link ServiceRunner#run()} returns and {@code main} can exit 0. (The Go SDK
 * exits at once on SIGTERM, abandoning its tasks.) A second signal while shutting down exits
 * immediately with status 143/130.
 *
 * <p>The JDK's only way to handle a signal is {@code sun.misc.Signal} (module {@code
 * jdk.unsupported}); it is reached by reflection so that the build stays free of javac's
 * internal-API warnings. When it is missing the JVM's default applies and a warning says so.
 */
public final class TerminationSignals {
  private static final Logger LOG = LoggerFactory.getLogger(TerminationSignals.class);

  private TerminationSignals() {}

  /** Routes SIGTERM and SIGINT of this JVM to {@code runner}. */
  public static void install(ServiceRunner runner) {
    for (String name : new String[] {"TERM", "INT"}) {
      int status = name.equals("TERM") ? 143 : 130;
      boolean[] seen = {false};
      Runnable onSignal =
          () -> {
            synchronized (seen) {
              if (seen[0]) {
                LOG.warn("Second SIG{}: exiting now without waiting for running tasks", name);
                Runtime.getRuntime().halt(status);
              }
              seen[0] = true;
            }
            LOG.info("SIG{} received: shutting down gracefully", name);
            Thread stopper = new Thread(runner::shutdown, "baton-shutdown");
            stopper.setDaemon(true);
            stopper.start();
          };
      try {
        handle(name, onSignal);
      } catch (ReflectiveOperationException | RuntimeException e) {
        LOG.warn("cannot handle SIG{} ({}); the JVM's default applies", name, e.toString());
      }
    }
  }

  /** {@code sun.misc.Signal.handle(new Signal(name), signal -> action.run())}. */
  private static void handle(String name, Runnable action) throws ReflectiveOperationException {
    Class<?> signalClass = Class.forName("sun.misc.Signal");
    Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
    Object signal = signalClass.getConstructor(String.class).newInstance(name);
    InvocationHandler calls =
        (Object proxy, Method method, Object[] args) -> {
          switch (method.getName()) {
            case "handle" -> {
              action.run();
              return null;
            }
            case "equals" -> {
              return proxy == args[0];
            }
            case "hashCode" -> {
              return System.identityHashCode(proxy);
            }
            default -> {
              return "SIG" + name + " handler";
            }
          }
        };
    Object handler =
        Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass}, calls);
    signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, handler);
  }
}
