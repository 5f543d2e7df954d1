package org.batonjava.metabase.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Objects;
import org.batonjava.metabase.sim.admin.SimAdminApi;
import org.batonjava.metabase.sim.api.ApiContext;
import org.batonjava.metabase.sim.apikeys.ApiKeysApi;
import org.batonjava.metabase.sim.application.ApplicationGraphApi;
import org.batonjava.metabase.sim.collections.CollectionFeatures;
import org.batonjava.metabase.sim.collections.CollectionGraphApi;
import org.batonjava.metabase.sim.collections.CollectionSeeder;
import org.batonjava.metabase.sim.collections.CollectionsApi;
import org.batonjava.metabase.sim.data.Dataset;
import org.batonjava.metabase.sim.data.DatasetLoader;
import org.batonjava.metabase.sim.databases.CreateQueriesPermissions;
import org.batonjava.metabase.sim.databases.DatabasesApi;
import org.batonjava.metabase.sim.databases.LegacyDataPermissions;
import org.batonjava.metabase.sim.databases.PermissionGraphApi;
import org.batonjava.metabase.sim.databases.PermissionModel;
import org.batonjava.metabase.sim.faults.FaultConfig;
import org.batonjava.metabase.sim.faults.FaultInjector;
import org.batonjava.metabase.sim.groups.GroupsApi;
import org.batonjava.metabase.sim.groups.MembershipsApi;
import org.batonjava.metabase.sim.http.Authenticator;
import org.batonjava.metabase.sim.http.Router;
import org.batonjava.metabase.sim.http.SimulatorServer;
import org.batonjava.metabase.sim.log.RequestLog;
import org.batonjava.metabase.sim.policies.PoliciesApi;
import org.batonjava.metabase.sim.server.SessionApi;
import org.batonjava.metabase.sim.sso.SettingsApi;
import org.batonjava.metabase.sim.state.Credentials;
import org.batonjava.metabase.sim.state.MetabaseVersion;
import org.batonjava.metabase.sim.state.SimGroup;
import org.batonjava.metabase.sim.state.SimState;
import org.batonjava.metabase.sim.users.UsersApi;

/**
 * A running Metabase simulator: a stateful, versioned Metabase REST API on a local port.
 *
 * <pre>{@code
 * try (MetabaseSimulator sim = MetabaseSimulator.builder()
 *         .version("0.56").paid(false).dataset(Dataset.demo()).port(0).start()) {
 *     String base = sim.baseUrl();          // http://127.0.0.1:PORT
 *     String key = sim.adminApiKey();       // X-API-Key of an Administrators key
 *     sim.faults().set(FaultConfig.builder().errorRate(0.1).seed(7).build());
 *     long n = sim.requestLog().count("GET /api/user", 200);
 * }
 * }</pre>
 */
public final class MetabaseSimulator implements AutoCloseable {
  /** The fixed admin API key used when none is given (printed by the launcher; for demos only). */
  public static final String DEFAULT_API_KEY = "mb_SimulatorDemoKey0000000000000000000000000000";

  /** The name of the admin key in GET /api/api-key. */
  public static final String ADMIN_KEY_NAME = "Simulator admin key";

  private final SimulatorServer server;
  private final SimState state;
  private final MetabaseVersion version;
  private final boolean paid;
  private final String adminApiKey;
  private final String host;
  private final FaultInjector faults;
  private final RequestLog requestLog;

  private MetabaseSimulator(Builder b) throws IOException {
    this.version = b.version;
    this.paid = b.paid;
    this.adminApiKey = b.apiKey;
    this.host = b.bind;
    this.state = new SimState(Clock.systemUTC(), b.seed);
    PermissionModel model =
        version.legacyPermissionGraph()
            ? new LegacyDataPermissions()
            : new CreateQueriesPermissions(version);
    CollectionFeatures collections = new CollectionFeatures(version, paid);
    state.write(
        () -> {
          DatasetLoader loader = new DatasetLoader(state, model, paid);
          b.dataset.populate(loader);
          new CollectionSeeder(state).builtIns(collections, state.now());
          state.credentials().create(ADMIN_KEY_NAME, SimGroup.ADMINISTRATORS, 0, adminApiKey);
          loader.createApiKeys();
          return null;
        });
    this.faults = new FaultInjector(b.faults);
    this.requestLog = new RequestLog(RequestLog.DEFAULT_CAPACITY);
    ObjectMapper mapper = new ObjectMapper();
    ApiContext ctx = new ApiContext(state, version, paid);
    Router api = new Router();
    new UsersApi(ctx).register(api);
    new GroupsApi(ctx, model).register(api);
    new MembershipsApi(ctx).register(api);
    new PermissionGraphApi(ctx, model).register(api);
    new DatabasesApi(ctx, model).register(api);
    new ApiKeysApi(ctx).register(api);
    new ApplicationGraphApi(ctx).register(api);
    new SettingsApi(ctx).register(api);
    new PoliciesApi(ctx).register(api);
    new CollectionGraphApi(state, collections).register(api);
    new CollectionsApi(state, collections).register(api);
    String tag = version.tag(paid);
    new SessionApi(ctx, () -> faults.reportedTag(tag)).register(api);
    Router admin = new Router();
    new SimAdminApi(ctx, faults, requestLog, mapper).register(admin);
    this.server =
        new SimulatorServer(
            new InetSocketAddress(b.bind, b.port),
            b.threads,
            api,
            admin,
            new Authenticator(state),
            faults,
            requestLog,
            mapper);
    server.start();
  }

  /**
   * A builder with defaults: newest version, free build, demo dataset, {@link #DEFAULT_API_KEY},
   * free port.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Base URL without a trailing slash, e.g. {@code http://127.0.0.1:41234}. */
  public String baseUrl() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + h + ":" + server.port();
  }

  public int port() {
    return server.port();
  }

  /** An API key of a pseudo-user in Administrators (send it as {@code X-API-Key}). */
  public String adminApiKey() {
    return adminApiKey;
  }

  public MetabaseVersion version() {
    return version;
  }

  public boolean paid() {
    return paid;
  }

  /** The {@code version.tag} served: {@code v0.NN.P} free, {@code v1.NN.P} paid. */
  public String versionTag() {
    return version.tag(paid);
  }

  /**
   * Fault injection, reconfigurable at any time ({@code faults().set(...)}, {@code
   * faults().clear()}).
   */
  public FaultInjector faults() {
    return faults;
  }

  /**
   * Recent requests and counters per endpoint template and status (e.g. {@code "GET
   * /api/user/:id"}).
   */
  public RequestLog requestLog() {
    return requestLog;
  }

  /** The application state, for white-box assertions in tests (use {@link SimState#read}). */
  public SimState state() {
    return state;
  }

  @Override
  public void close() {
    server.close();
  }

  /** Configures and starts a simulator. */
  public static final class Builder {
    private MetabaseVersion version = MetabaseVersion.NEWEST;
    private boolean paid;
    private Dataset dataset;
    private String apiKey = DEFAULT_API_KEY;
    private int port;
    private String bind = "127.0.0.1";
    private long seed = 42;
    private int threads = 16;
    private FaultConfig faults = FaultConfig.none();

    private Builder() {}

    /** {@code 0.49}, {@code 0.56}, {@code v0.56.3}, {@code newest}... */
    public Builder version(String text) {
      this.version = MetabaseVersion.parse(text);
      return this;
    }

    public Builder version(MetabaseVersion v) {
      this.version = Objects.requireNonNull(v);
      return this;
    }

    /**
     * A paid (EE) build: {@code v1.NN} tag, advanced-permissions features (group managers,
     * blocked).
     */
    public Builder paid(boolean value) {
      this.paid = value;
      return this;
    }

    public Builder dataset(Dataset value) {
      this.dataset = Objects.requireNonNull(value);
      return this;
    }

    /** The admin API key to accept ({@code mb_} prefix, 12–254 characters). */
    public Builder apiKey(String value) {
      if (!Credentials.validKeyFormat(value)) {
        throw new IllegalArgumentException(
            "API key must start with mb_ and be 12 to 254 characters long");
      }
      this.apiKey = value;
      return this;
    }

    /** 0 picks a free port. */
    public Builder port(int value) {
      if (value < 0 || value > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535");
      }
      this.port = value;
      return this;
    }

    /** Address to listen on (default 127.0.0.1). */
    public Builder bind(String value) {
      this.bind = Objects.requireNonNull(value);
      return this;
    }

    /** Seeds entity ids and pseudo-user e-mails. */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** Size of the request thread pool (default 16). */
    public Builder threads(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("threads must be at least 1");
      }
      this.threads = value;
      return this;
    }

    /** Faults active from the first request. */
    public Builder faults(FaultConfig value) {
      this.faults = Objects.requireNonNull(value);
      return this;
    }

    /** Loads the dataset, binds the port and starts serving. */
    public MetabaseSimulator start() {
      if (dataset == null) {
        dataset = Dataset.demo();
      }
      try {
        return new MetabaseSimulator(this);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot start the simulator on " + bind + ":" + port + ": " + e.getMessage(), e);
      }
    }
  }
}
