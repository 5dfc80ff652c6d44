package io.newspipe.stories.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.newspipe.stories.TestArticles;
import io.newspipe.stories.identity.EntityIds;

class RoleTimelineTest {

    private static final String TINH_UY = EntityIds.organization("Tỉnh ủy Nghệ An");

    private static RoleFact fact(String person, String post, LocalDate date, String article) {
        return new RoleFact(EntityIds.person(person), person, post, "Tỉnh ủy Nghệ An", TINH_UY, date, article);
    }

    @Test
    void articlesStatingAPositionMakeOneSpanWithItsArticles() {
        RoleTimeline t = new RoleTimeline();
        for (String name : List.of("na-hoi-nghi-baona", "na-khoa-tiep-xuc")) {
            TestArticles.Loaded a = TestArticles.load(name);
            t.addAll(RoleFact.of(a.entities(), a.id(), a.date()));
        }
        PersonRoles khoa = t.person(EntityIds.person("Trần Đức Khoa")).orElseThrow();
        assertThat(khoa.name()).isEqualTo("Trần Đức Khoa");
        Position p = khoa.positions().stream().filter(x -> x.post().equals("Bí thư")).findFirst().orElseThrow();
        assertThat(p.organization()).isEqualTo("Tỉnh ủy Nghệ An");
        assertThat(p.firstSeen()).isEqualTo(LocalDate.of(2024, 12, 20));
        assertThat(p.lastSeen()).isEqualTo(LocalDate.of(2025, 1, 8));
        assertThat(p.articleIds()).containsExactly("t-na-hoi-nghi-1", "t-na-tiep-xuc-1");
        assertThat(t.holders("bí thư", TINH_UY, LocalDate.of(2025, 1, 1)))
                .extracting(RoleTimeline.Holder::name).containsExactly("Trần Đức Khoa");
    }

    @Test
    void whoHeldThePostOnADate() {
        RoleTimeline t = new RoleTimeline();
        t.add(fact("Phan Văn Lực", "Bí thư", LocalDate.of(2020, 3, 1), "a1"));
        t.add(fact("Phan Văn Lực", "Bí thư", LocalDate.of(2022, 6, 1), "a2"));
        t.add(fact("Trần Đức Khoa", "Bí thư", LocalDate.of(2023, 2, 1), "a3"));
        t.add(fact("Trần Đức Khoa", "Phó Bí thư", LocalDate.of(2021, 2, 1), "a4"));
        t.add(fact("Trần Đức Khoa", "Bí thư", LocalDate.of(2023, 2, 1), "a3")); // the same article again: no change

        List<RoleTimeline.Holder> in2021 = t.holders("Bí thư", TINH_UY, LocalDate.of(2021, 7, 1));
        assertThat(in2021).extracting(RoleTimeline.Holder::name).containsExactly("Phan Văn Lực");
        assertThat(in2021.get(0).stated()).isTrue();
        // between the last statement about Lực (June 2022) and the first about Khoa (Feb 2023): the last known holder
        List<RoleTimeline.Holder> late2022 = t.holders("Bí thư", TINH_UY, LocalDate.of(2022, 10, 1));
        assertThat(late2022).extracting(RoleTimeline.Holder::name).containsExactly("Phan Văn Lực");
        assertThat(late2022.get(0).stated()).isFalse();
        assertThat(t.holders("Bí thư", TINH_UY, LocalDate.of(2019, 1, 1))).isEmpty();
        assertThat(t.holders("Phó Bí thư", TINH_UY, LocalDate.of(2021, 2, 1)))
                .extracting(RoleTimeline.Holder::name).containsExactly("Trần Đức Khoa");
        PersonRoles khoa = t.person(EntityIds.person("Trần Đức Khoa")).orElseThrow();
        assertThat(khoa.positions()).extracting(Position::post).containsExactly("Phó Bí thư", "Bí thư");
        assertThat(khoa.positions().get(1).articleIds()).containsExactly("a3");
    }

    @Test
    void aFactAboutSomeoneElseIsRefused() {
        PersonRoles khoa = PersonRoles.empty(EntityIds.person("Trần Đức Khoa"), "Trần Đức Khoa");
        assertThatThrownBy(() -> khoa.with(fact("Phan Văn Lực", "Bí thư", LocalDate.of(2020, 1, 1), "a")))
                .hasMessageContaining("added to the roles of");
    }
}
