package io.newspipe.enrich.deadletter;

/**
 * The old name of {@link io.newspipe.common.deadletter.DeadLetterHandler}, kept only because newspipe-bench's
 * PoisonRecordsFaultTest (owned by another engineer, being edited now) still imports it for the header constants.
 * Delete this class once that import names {@code io.newspipe.common.deadletter.DeadLetterHandler}.
 */
@Deprecated(forRemoval = true)
public final class DeadLetterHandler extends io.newspipe.common.deadletter.DeadLetterHandler {
}
