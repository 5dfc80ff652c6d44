package io.newspipe.cli.ops;

/** An operator command cannot go on; the message says why in one line, for people. Exit code 1. */
final class OperatorException extends RuntimeException {

    OperatorException(String message) {
        super(message);
    }

    OperatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
