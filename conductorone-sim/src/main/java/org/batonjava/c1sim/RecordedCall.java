package org.batonjava.c1sim;

import com.google.protobuf.Message;
import java.time.Instant;

/**
 * One BatonService call the fake received.
 *
 * @param method the method name ({@code Hello}, {@code GetTask}, …)
 * @param at when it arrived
 * @param hostId the request's {@code host_id} ({@code ""} when it has none)
 * @param userAgent the {@code user-agent} header
 * @param request the request (the metadata message for {@code UploadAsset}); {@code null} for
 *     refused calls
 * @param refusal why the call was refused before reaching the service ({@code ""} when it was not)
 */
public record RecordedCall(
    String method, Instant at, String hostId, String userAgent, Message request, String refusal) {}
