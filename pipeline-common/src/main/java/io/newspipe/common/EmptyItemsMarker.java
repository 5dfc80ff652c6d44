package io.newspipe.common;

import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * How an item topic (news.awards.v1, news.kpis.v1, news.entities.v1) says "this revision has none of these": a
 * record keyed by the article id with a null value (no Avro, so no schema change: every reader of every released
 * schema gets it, as a tombstone) and the revision in the header {@value #REVISION_HEADER}. The replace rule for
 * consumers: a record with a higher revision than the one held for the article (an item, or this marker) replaces
 * all of the article's items of that kind; after a marker the article has none.
 */
public final class EmptyItemsMarker {

    /** The revision (decimal) the empty item set belongs to. */
    public static final String REVISION_HEADER = "newspipe.revision";
    /** Always "0" on a marker: how many items the revision has. */
    public static final String COUNT_HEADER = "newspipe.count";

    private EmptyItemsMarker() {
    }

    /** Adds the marker's headers for this revision. */
    public static Headers addTo(Headers headers, int revision) {
        headers.remove(REVISION_HEADER).remove(COUNT_HEADER);
        headers.add(REVISION_HEADER, Integer.toString(revision).getBytes(StandardCharsets.UTF_8));
        headers.add(COUNT_HEADER, "0".getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    /** The revision of an empty-set marker (a null value with the header); empty for anything else. */
    public static OptionalInt revision(Object value, Headers headers) {
        Header header = headers.lastHeader(REVISION_HEADER);
        if (value != null || header == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(new String(header.value(), StandardCharsets.UTF_8).trim()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
