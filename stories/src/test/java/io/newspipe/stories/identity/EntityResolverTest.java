package io.newspipe.stories.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.newspipe.extraction.EntityKind;
import io.newspipe.extraction.EntityMention;
import io.newspipe.stories.TestArticles;

class EntityResolverTest {

    private static ResolvedEntity named(ArticleEntities e, EntityKind kind, String name) {
        return e.ofKind(kind).stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + e.entities()));
    }

    @Test
    void aPersonNamedWithAndWithoutTitleInTwoArticlesGetsOneId() {
        // "Đồng chí Trần Đức Khoa, Bí thư Tỉnh ủy Nghệ An ... ông Khoa" and "Bí thư Tỉnh ủy Nghệ An Trần Đức Khoa ...
        // đồng chí Trần Đức Khoa ... Ông Khoa"
        ResolvedEntity first = named(TestArticles.load("na-hoi-nghi-baona").entities(), EntityKind.PERSON, "Trần Đức Khoa");
        ResolvedEntity second = named(TestArticles.load("na-khoa-tiep-xuc").entities(), EntityKind.PERSON, "Trần Đức Khoa");
        assertThat(first.id()).isEqualTo(second.id()).isEqualTo(EntityIds.person("Trần Đức Khoa"));
        assertThat(first.surfaces()).contains("Trần Đức Khoa", "ông Khoa");
        assertThat(second.surfaces()).contains("Ông Khoa");
        assertThat(first.roles()).extracting(Role::text).contains("Bí thư Tỉnh ủy Nghệ An");
        assertThat(first.roles().get(0).post()).isEqualTo("Bí thư");
        assertThat(first.roles().get(0).organizationId()).isEqualTo(EntityIds.organization("Tỉnh ủy Nghệ An"));
    }

    @Test
    void aShortMentionResolvesToTheOneFullNameItEnds() {
        String text = "Ông Nguyễn Văn Bình, Chủ tịch UBND xã, cho biết. Sau đó ông Bình và anh Văn Bình đi tiếp.";
        List<EntityMention> ms = List.of(
                new EntityMention(EntityKind.PERSON, "Nguyễn Văn Bình", "Nguyễn Văn Bình", 4, 19, "Chủ tịch UBND xã", 1),
                new EntityMention(EntityKind.PERSON, "Văn Bình", "Văn Bình", 71, 79, null, 1));
        ArticleEntities e = new EntityResolver(AdminRegistry.NONE).resolve(text, ms, null, LocalDate.of(2024, 3, 1));
        assertThat(e.ofKind(EntityKind.PERSON)).hasSize(1);
        ResolvedEntity p = e.ofKind(EntityKind.PERSON).get(0);
        assertThat(p.surfaces()).containsExactly("Nguyễn Văn Bình", "Văn Bình", "ông Bình");
        assertThat(p.mentions()).isEqualTo(3);
        // without a province the organization is left as written (abbreviation expanded)
        assertThat(p.roles()).extracting(Role::text).containsExactly("Chủ tịch Ủy ban nhân dân xã");
    }

    @Test
    void provincialBodiesNamedByTheirLevelAloneGetTheArticlesProvince() {
        ArticleEntities e = TestArticles.load("na-khoa-tiep-xuc").entities();
        assertThat(e.province().name()).isEqualTo("Nghệ An");
        ResolvedEntity ubnd = named(e, EntityKind.ORGANIZATION, "Ủy ban nhân dân tỉnh Nghệ An");
        assertThat(ubnd.surfaces()).containsExactly("UBND tỉnh");
        assertThat(ubnd.id()).isEqualTo(EntityIds.organization("UBND tỉnh Nghệ An"));
        assertThat(named(e, EntityKind.ORGANIZATION, "Tỉnh ủy Nghệ An").surfaces()).contains("Tỉnh ủy");
        AdminUnitRef nghean = e.province();
        assertThat(OrganizationNames.canonical("Sở Y tế", nghean)).isEqualTo("Sở Y tế tỉnh Nghệ An");
        assertThat(OrganizationNames.canonical("Ban Thường vụ Tỉnh ủy Nghệ An", nghean))
                .isEqualTo("Ban Thường vụ Tỉnh ủy Nghệ An");
        assertThat(OrganizationNames.canonical("Công ty Cổ phần Sữa", nghean)).isEqualTo("Công ty Cổ phần Sữa");
    }

    @Test
    void aDistrictNamedBeforeTheMergerResolvesToItsUnitAndItsSuccessor() {
        // 2024: huyện Nam Đàn (code 430) of Nghệ An; since 1 July 2025 districts are gone and Nghệ An (40) took it over
        ResolvedEntity namDan = named(TestArticles.load("na-hoi-nghi-baona").entities(), EntityKind.LOCATION, "Nam Đàn");
        assertThat(namDan.unit().id()).isEqualTo("vn63:430");
        assertThat(namDan.unit().level()).isEqualTo(AdminUnitRef.Level.DISTRICT);
        assertThat(namDan.unit().validTo()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(namDan.successors()).extracting(AdminUnitRef::id).containsExactly("vn34:40");
        // huyện Tuy Phước of Bình Định, in 2024 and as "huyện Tuy Phước cũ" in an article of October 2025: one unit,
        // one id, succeeded by the new Gia Lai (Bình Định merged into it)
        ResolvedEntity before = named(TestArticles.load("bd-huan-chuong").entities(), EntityKind.LOCATION, "Tuy Phước");
        ResolvedEntity after = named(TestArticles.load("gl-thu-hoach").entities(), EntityKind.LOCATION, "Tuy Phước");
        assertThat(before.unit().id()).isEqualTo("vn63:550");
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.successors()).extracting(AdminUnitRef::name).containsExactly("Gia Lai");
    }

    @Test
    void aCommuneSharedByManyProvincesIsTheOneInTheArticlesProvince() {
        // three communes are called Kim Liên; the one of this Nghệ An article is xã Kim Liên of huyện Nam Đàn
        ResolvedEntity kimLien = named(TestArticles.load("na-khoa-tiep-xuc").entities(), EntityKind.LOCATION, "Kim Liên");
        assertThat(kimLien.unit().id()).isEqualTo("vn63:17971");
        assertThat(kimLien.successors()).extracting(AdminUnitRef::id).containsExactly("vn34:17971");
    }

    @Test
    void theArticlesProvinceComesFromItsOutletElseFromWhatItNamesMost() {
        ArticleEntities byOutlet = TestArticles.load("ht-hoi-nghi").entities();
        assertThat(byOutlet.province().id()).isEqualTo("vn63:42");
        assertThat(byOutlet.regionId()).isEqualTo("vn63:42");
        // "Cổng thông tin Miền Trung" names no province: the article's own names decide (Tỉnh ủy Nghệ An, Vinh, ...)
        assertThat(TestArticles.load("na-hoi-nghi-copy").entities().province().name()).isEqualTo("Nghệ An");
    }
}
