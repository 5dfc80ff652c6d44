package io.newspipe.devstack;

import java.time.Instant;
import java.util.List;

import io.newspipe.schemas.Award;
import io.newspipe.schemas.AwardItem;
import io.newspipe.schemas.EnrichedArticle;
import io.newspipe.schemas.Entity;
import io.newspipe.schemas.EntityItem;
import io.newspipe.schemas.EntityType;
import io.newspipe.schemas.KpiItem;
import io.newspipe.schemas.KpiMention;
import io.newspipe.schemas.PublishedArticle;
import io.newspipe.schemas.RawArticle;

/** One filled-in instance of every published schema, with Vietnamese text so encoding problems show. */
public final class TestRecords {

    public static final Instant RECEIVED = Instant.ofEpochMilli(1_767_225_600_000L);
    public static final String TEXT = "Bí thư Tỉnh ủy Nghệ An Thái Thanh Quý trao Bằng khen cho 6 tập thể.";

    private TestRecords() {
    }

    public static RawArticle raw(String id) {
        return RawArticle.newBuilder().setArticleId(id).setUrl("https://baonghean.vn/" + id)
                .setTitle("Trao Bằng khen").setSource("baonghean.vn").setPublishedAt(RECEIVED.minusSeconds(3600))
                .setReceivedAt(RECEIVED).setOriginalText(TEXT + "\n(BĐ)").setText(TEXT)
                .setParagraphs(List.of(TEXT)).setCaptions(List.of("Quang cảnh hội nghị |"))
                .setPhotoCredits(List.of("T.SỸ")).setOutletTag("(BĐ)").setByline("T.SỸ")
                .setSourceUrl("https://baonghean.vn/" + id).setContentHash("0f".repeat(32)).build();
    }

    public static Entity entity() {
        return Entity.newBuilder().setType(EntityType.PERSON).setText("Thái Thanh Quý").setCanonical("Thái Thanh Quý")
                .setStart(23).setEnd(37).setRole("Bí thư Tỉnh ủy Nghệ An").build();
    }

    public static Award award() {
        return Award.newBuilder().setAward("Bằng khen").setConferrer("UBND tỉnh").setPresenter("Thái Thanh Quý")
                .setTitle("Hoàn thành xuất sắc nhiệm vụ").setRecipients(List.of("6 tập thể")).setRecipientCount(6)
                .setYear(2025).setText(TEXT).setStart(0).setEnd(TEXT.length()).build();
    }

    public static KpiMention kpi() {
        return KpiMention.newBuilder().setMetric("thu ngân sách").setValue(842.238).setUnit("tỷ đồng").setTotal(null)
                .setRank(null).setQualifier("gần").setPeriod("năm 2025").setStatus("vượt").setText("842,238 tỷ đồng")
                .setStart(5).setEnd(20).build();
    }

    public static EnrichedArticle enriched(String id) {
        return EnrichedArticle.newBuilder().setArticleId(id).setUrl(null).setTitle("Trao Bằng khen").setSource(null)
                .setPublishedAt(null).setReceivedAt(RECEIVED).setText(TEXT).setContentHash("ab".repeat(32))
                .setEntities(List.of(entity())).setAwards(List.of(award())).setKpis(List.of(kpi()))
                .setExtractorVersion("test-1").setEnrichedAt(RECEIVED.plusSeconds(1)).build();
    }

    public static PublishedArticle published(String id) {
        return PublishedArticle.newBuilder().setArticleId(id).setRevision(1).setPublishedAt(RECEIVED.plusSeconds(2))
                .setContentFingerprint("cd".repeat(32)).setUrl(null).setTitle(null).setSource("baonghean.vn")
                .setArticlePublishedAt(RECEIVED.minusSeconds(60)).setReceivedAt(RECEIVED).setText(TEXT)
                .setEntities(List.of(entity())).setAwards(List.of(award())).setKpis(List.of(kpi()))
                .setExtractorVersion("test-1").setEnrichedAt(RECEIVED.plusSeconds(1)).build();
    }

    public static AwardItem awardItem(String id) {
        return AwardItem.newBuilder().setArticleId(id).setRevision(1).setIndex(0).setCount(1)
                .setPublishedAt(RECEIVED).setAward(award()).build();
    }

    public static KpiItem kpiItem(String id) {
        return KpiItem.newBuilder().setArticleId(id).setRevision(1).setIndex(0).setCount(1).setPublishedAt(RECEIVED)
                .setKpi(kpi()).build();
    }

    public static EntityItem entityItem(String id) {
        return EntityItem.newBuilder().setArticleId(id).setRevision(1).setIndex(0).setCount(1)
                .setPublishedAt(RECEIVED).setEntity(entity()).build();
    }
}
