package io.newspipe.publish;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.newspipe.schemas.Award;
import io.newspipe.schemas.EnrichedArticle;
import io.newspipe.schemas.Entity;
import io.newspipe.schemas.KpiMention;
import io.newspipe.serde.ByteSink;

/**
 * SHA-256 over the enriched CONTENT of an article: text, url, title, source, language, entities (with their ids and
 * canonical names), awards and KPI mentions with their confidence, and the story (storyId, copyOf). Deliberately left out: extractorVersion, enrichedAt, receivedAt, contentHash and the outlet's publishedAt,
 * so a redelivered raw record or a re-enrichment that finds the same things gives the same fingerprint.
 *
 * <p>The encoding is explicit (field by field, length-prefixed, nulls marked) rather than Avro binary, so adding an
 * optional field to a schema does not silently change every fingerprint. Bump {@link #VERSION} when it must change.
 */
public final class ContentFingerprint {

    /**
     * Encoding version, hashed first. 2: each mention's confidence is content (subscribers filter by it). 3: entity
     * ids and canonical names, the story id and the copy flag are content (an article that first gets them is a new
     * revision; a replay keeps its story, so it does not make one).
     */
    static final int VERSION = 3;

    private ContentFingerprint() {
    }

    public static String of(EnrichedArticle article) {
        // unsynchronized: DataOutputStream writes an int as four one-byte writes, over hundreds of mention fields
        ByteSink bytes = new ByteSink(article.getText().length() * 2 + 1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(VERSION);
            string(out, article.getText());
            string(out, article.getUrl());
            string(out, article.getTitle());
            string(out, article.getSource());
            string(out, article.getLanguage());
            List<Entity> entities = article.getEntities();
            out.writeInt(entities.size());
            for (Entity e : entities) {
                string(out, e.getType().name());
                string(out, e.getText());
                string(out, e.getCanonical());
                out.writeInt(e.getStart());
                out.writeInt(e.getEnd());
                string(out, e.getRole());
                decimal(out, e.getConfidence());
                string(out, e.getId());
                string(out, e.getCanonicalName());
            }
            List<Award> awards = article.getAwards();
            out.writeInt(awards.size());
            for (Award a : awards) {
                string(out, a.getAward());
                string(out, a.getConferrer());
                string(out, a.getPresenter());
                string(out, a.getTitle());
                out.writeInt(a.getRecipients().size());
                for (String recipient : a.getRecipients()) {
                    string(out, recipient);
                }
                integer(out, a.getRecipientCount());
                integer(out, a.getYear());
                string(out, a.getText());
                out.writeInt(a.getStart());
                out.writeInt(a.getEnd());
                decimal(out, a.getConfidence());
            }
            List<KpiMention> kpis = article.getKpis();
            out.writeInt(kpis.size());
            for (KpiMention k : kpis) {
                string(out, k.getMetric());
                decimal(out, k.getValue());
                string(out, k.getUnit());
                decimal(out, k.getTotal());
                integer(out, k.getRank());
                string(out, k.getQualifier());
                string(out, k.getPeriod());
                string(out, k.getStatus());
                string(out, k.getText());
                out.writeInt(k.getStart());
                out.writeInt(k.getEnd());
                decimal(out, k.getConfidence());
            }
            string(out, article.getStoryId());
            string(out, article.getCopyOf());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory stream: cannot happen
        }
        return HexFormat.of().formatHex(sha256().digest(bytes.toByteArray()));
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static void integer(DataOutputStream out, Integer i) throws IOException {
        out.writeBoolean(i != null);
        if (i != null) {
            out.writeInt(i);
        }
    }

    private static void decimal(DataOutputStream out, Double d) throws IOException {
        out.writeBoolean(d != null);
        if (d != null) {
            // -0.0 and 0.0 are the same figure; doubleToLongBits also folds every NaN into one
            out.writeLong(Double.doubleToLongBits(d == 0.0 ? 0.0 : d));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every Java platform", e);
        }
    }
}
