package io.newspipe.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * An Avro payload claims more than it holds: a string, bytes or a collection longer than the bytes left in the
 * record. Corrupt or hostile input (20 bytes that claim a 2 GiB string), never an environment problem: the record
 * belongs in the dead-letter topic, and nothing is allocated for the claimed size.
 */
public class AvroDecodingLimitException extends SerializationException {

    public AvroDecodingLimitException(String message) {
        super(message);
    }
}
