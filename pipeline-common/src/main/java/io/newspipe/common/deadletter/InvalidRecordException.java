package io.newspipe.common.deadletter;

/** A record that deserialized fine but breaks the contract; dead-lettered with kind {@code validation}. */
public class InvalidRecordException extends RuntimeException {

    public InvalidRecordException(String reason) {
        super(reason);
    }
}
