package org.batonjava.metabase.http;

import io.grpc.Status;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.batonjava.sdk.connector.ConnectorException;

/**
 * The Metabase base URL ({@code --metabase-base-url}), normalised so that API paths are appended to
 * it the way Go's {@code url.JoinPath} does: a base path survives and trailing slashes collapse, so
 * {@code https://host/mb/} + {@code /api/user} is {@code https://host/mb/api/user}.
 */
public final class BaseUrl {
  private final String scheme;
  private final String authority;
  private final String basePath;
  private final String display;

  private BaseUrl(String scheme, String authority, String basePath, String display) {
    this.scheme = scheme;
    this.authority = authority;
    this.basePath = basePath;
    this.display = display;
  }

  /**
   * Parses and checks the configured URL.
   *
   * @throws ConnectorException {@code INVALID_ARGUMENT} with a message naming the flag when it is
   *     not an absolute http(s) URL
   */
  public static BaseUrl parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    if (trimmed.isEmpty()) {
      throw invalid(
          "--metabase-base-url is empty; set it to the address of Metabase, e.g. https://metabase.example.com");
    }
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw invalid(
          "--metabase-base-url is not a valid URL ("
              + e.getReason()
              + "); expected e.g. https://metabase.example.com");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw invalid(
          "--metabase-base-url must start with https:// (or http://), e.g. https://metabase.example.com; got "
              + redactedForm(uri));
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw invalid(
          "--metabase-base-url has no host name; expected e.g. https://metabase.example.com");
    }
    String authority = uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    if (uri.getHost().contains(":") && !uri.getHost().startsWith("[")) {
      authority = "[" + uri.getHost() + "]" + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    path = path.replaceAll("/+", "/");
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return new BaseUrl(scheme, authority, path, scheme + "://" + authority + path);
  }

  private static String redactedForm(URI uri) {
    String s = uri.toString();
    int at = s.indexOf('@');
    int schemeEnd = s.indexOf("://");
    if (at > 0 && schemeEnd >= 0 && at > schemeEnd) {
      return s.substring(0, schemeEnd + 3) + "…" + s.substring(at);
    }
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  private static ConnectorException invalid(String message) {
    return new ConnectorException(Status.Code.INVALID_ARGUMENT, message);
  }

  /**
   * The absolute URI of an API path ({@code /api/user}) plus an already encoded query string (may
   * be empty). User info and query of the configured URL are dropped: credentials never travel in
   * URLs.
   */
  public URI resolve(String apiPath, String encodedQuery) {
    String path = apiPath.startsWith("/") ? apiPath : "/" + apiPath;
    String query = encodedQuery == null || encodedQuery.isEmpty() ? "" : "?" + encodedQuery;
    return URI.create(scheme + "://" + authority + basePath + path + query);
  }

  /** True when requests (and the API key) travel unencrypted. */
  public boolean plainHttp() {
    return scheme.equals("http");
  }

  /** {@code host[:port]}, for messages. */
  public String authority() {
    return authority;
  }

  /** The normalised URL without credentials or query, safe for messages and logs. */
  /**
   * Whether the base path ends in {@code /api}: someone gave the API's address instead of
   * Metabase's.
   */
  public boolean endsWithApi() {
    return basePath.endsWith("/api");
  }

  @Override
  public String toString() {
    return display;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BaseUrl b && b.display.equals(display);
  }

  @Override
  public int hashCode() {
    return display.hashCode();
  }
}
