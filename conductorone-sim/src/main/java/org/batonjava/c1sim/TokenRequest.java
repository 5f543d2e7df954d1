package org.batonjava.c1sim;

import java.time.Instant;

/**
 * One {@code POST /auth/v1/token} the fake received.
 *
 * @param at when
 * @param clientId the form's {@code client_id}
 * @param nonce the assertion's nonce header ({@code ""} when unreadable)
 * @param iat the assertion's {@code iat} (0 when unreadable)
 * @param nbf the assertion's {@code nbf} (0 when unreadable)
 * @param exp the assertion's {@code exp} (0 when unreadable)
 * @param userAgent the User-Agent header
 * @param accepted whether a token was issued
 * @param reason why it was refused ({@code ""} when accepted)
 */
public record TokenRequest(
    Instant at,
    String clientId,
    String nonce,
    long iat,
    long nbf,
    long exp,
    String userAgent,
    boolean accepted,
    String reason) {}
