package org.batonjava.c1sim;

import c1.connectorapi.baton.v1.BatonServiceFinishTaskRequest;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.grpc.Status;
import java.time.Instant;

/**
 * A {@code FinishTask} the fake received.
 *
 * @param request the request as sent
 * @param at when it arrived
 */
public record FinishedTask(BatonServiceFinishTaskRequest request, Instant at) {
  public boolean success() {
    return request.hasSuccess();
  }

  public Status.Code code() {
    return Status.fromCodeValue(request.getStatus().getCode()).getCode();
  }

  public String message() {
    return request.getStatus().getMessage();
  }

  public boolean nonRetryable() {
    return request.hasError() && request.getError().getNonRetryable();
  }

  /** The success response, unpacked as {@code type}. */
  public <T extends Message> T response(Class<T> type) {
    Any any = request.getSuccess().getResponse();
    if (!any.is(type)) {
      throw new AssertionError("response is " + any.getTypeUrl() + ", not " + type.getSimpleName());
    }
    try {
      return any.unpack(type);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }
}
