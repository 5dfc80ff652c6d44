package io.newspipe.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Story detection on the hand-written articles of src/test/resources, with the default parameters. */
class StoryIndexTest {

    private static TestArticles.Loaded naBaoNa;
    private static TestArticles.Loaded naTruyenHinh;
    private static TestArticles.Loaded naCopy;
    private static TestArticles.Loaded htHoiNghi;
    private static TestArticles.Loaded bdHuanChuong;
    private static TestArticles.Loaded qngHuanChuong;

    @BeforeAll
    static void load() {
        naBaoNa = TestArticles.load("na-hoi-nghi-baona");
        naTruyenHinh = TestArticles.load("na-hoi-nghi-truyenhinh");
        naCopy = TestArticles.load("na-hoi-nghi-copy");
        htHoiNghi = TestArticles.load("ht-hoi-nghi");
        bdHuanChuong = TestArticles.load("bd-huan-chuong");
        qngHuanChuong = TestArticles.load("qng-huan-chuong");
    }

    private static StoryIndex index() {
        return StoryIndex.inMemory(StoryParams.defaults());
    }

    @Test
    void twoOutletsReportsOfOneEventShareAStoryNamedAfterTheFirst() {
        StoryIndex index = index();
        StoryAssignment first = index.assign(naBaoNa.story());
        StoryAssignment second = index.assign(naTruyenHinh.story());
        assertThat(first.opened()).isTrue();
        assertThat(first.storyId()).isEqualTo(StoryIds.ofFirstArticle("t-na-hoi-nghi-1"));
        assertThat(second.storyId()).isEqualTo(first.storyId());
        assertThat(second.matchedArticle()).isEqualTo("t-na-hoi-nghi-1");
        assertThat(second.isCopy()).isFalse(); // rewritten, not copied
        assertThat(second.score()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void theSameKindOfConferenceInAnotherProvinceADayLaterIsAnotherStory() {
        StoryIndex index = index();
        StoryAssignment nghean = index.assign(naBaoNa.story());
        StoryAssignment hatinh = index.assign(htHoiNghi.story());
        assertThat(hatinh.storyId()).isNotEqualTo(nghean.storyId());
        assertThat(hatinh.opened()).isTrue();
        // the texts are from one template: what keeps them apart is who and where, not the words
        PairFeatures f = index.compare(index.features(naBaoNa.story(), null), index.features(htHoiNghi.story(), null));
        assertThat(f.similarity()).isGreaterThan(0.3);
        assertThat(f.conflict()).isTrue();
    }

    @Test
    void withoutOutletsTheNamesInTheTextsStillKeepThemApart() {
        // no outlet to say which province: the provinces come from the names each article gives (Tỉnh ủy Nghệ An,
        // Vinh, Nam Đàn; Tỉnh ủy Hà Tĩnh, Cẩm Xuyên, Kỳ Anh)
        TestArticles.Loaded nghean = TestArticles.load("na-hoi-nghi-baona", false);
        TestArticles.Loaded hatinh = TestArticles.load("ht-hoi-nghi", false);
        assertThat(nghean.entities().regionId()).isEqualTo("vn63:40");
        assertThat(hatinh.entities().regionId()).isEqualTo("vn63:42");
        StoryIndex index = index();
        PairFeatures f = index.compare(index.features(nghean.story(), null), index.features(hatinh.story(), null));
        assertThat(f.sharedEntities()).isZero();
        assertThat(f.conflict()).isTrue();
        assertThat(f.score(index.params())).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(index.assign(hatinh.story()).storyId()).isNotEqualTo(index.assign(nghean.story()).storyId());
    }

    @Test
    void officialsLeadingTheSameKindOfEventCanAlsoKeepThemApart() {
        // with the official-conflict rule on, even articles of no known province stay apart when the persons named
        // with a post differ (Trần Đức Khoa, Bí thư Tỉnh ủy Nghệ An; Lê Minh Hải, Bí thư Tỉnh ủy Hà Tĩnh)
        StoryIndex index = StoryIndex.inMemory(StoryParams.defaults().withConflicts(true, 0));
        StoryArticle nghean = new StoryArticle("t-a", null, naBaoNa.time(), naBaoNa.title(), naBaoNa.text(),
                naBaoNa.entities().ids(), naBaoNa.entities().officialIds(), null);
        StoryArticle hatinh = new StoryArticle("t-b", null, htHoiNghi.time(), htHoiNghi.title(), htHoiNghi.text(),
                htHoiNghi.entities().ids(), htHoiNghi.entities().officialIds(), null);
        assertThat(index.compare(index.features(nghean, null), index.features(hatinh, null)).conflict()).isTrue();
        StoryIndex off = index();
        assertThat(off.compare(off.features(nghean, null), off.features(hatinh, null)).conflict()).isFalse();
    }

    @Test
    void theSameCeremonyInTwoProvincesIsTwoStories() {
        StoryIndex index = index();
        StoryAssignment binhDinh = index.assign(bdHuanChuong.story());
        StoryAssignment quangNgai = index.assign(qngHuanChuong.story());
        assertThat(quangNgai.storyId()).isNotEqualTo(binhDinh.storyId());
    }

    @Test
    void aSyndicatedCopyIsAMemberFlaggedAsACopy() {
        StoryIndex index = index();
        StoryAssignment original = index.assign(naBaoNa.story());
        index.assign(naTruyenHinh.story());
        StoryAssignment copy = index.assign(naCopy.story());
        assertThat(copy.storyId()).isEqualTo(original.storyId());
        assertThat(copy.copyOf()).isEqualTo("t-na-hoi-nghi-1");
        assertThat(copy.similarity()).isGreaterThanOrEqualTo(StoryParams.defaults().copySimilarity());
    }

    @Test
    void replayingAnArticleReturnsItsStoryEvenAfterTheWindowHasPassed() {
        StoryIndex index = index();
        StoryAssignment first = index.assign(naBaoNa.story());
        StoryAssignment member = index.assign(naTruyenHinh.story());
        // weeks later, other news moves stream time on and the window stores drop the articles
        index.assign(bdHuanChuong.storyAs("t-later", "Báo Bình Định", naBaoNa.time().plus(Duration.ofDays(30))));
        StoryAssignment replay = index.assign(naTruyenHinh.story());
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.storyId()).isEqualTo(member.storyId()).isEqualTo(first.storyId());
        assertThat(replay.matchedArticle()).isEqualTo(member.matchedArticle());
    }

    @Test
    void articlesOlderThanTheWindowLeaveTheIndex() {
        StoryParams p = StoryParams.defaults();
        StoryState.InMemory stores = StoryState.inMemory(p.window());
        StoryIndex index = new StoryIndex(p, stores.state());
        StoryAssignment first = index.assign(naBaoNa.story());
        assertThat(stores.articles().size()).isEqualTo(1);
        assertThat(stores.buckets().size()).isEqualTo(p.bands());
        // the same report sent again under another id, once the window has passed: nothing left to match it
        Instant later = naBaoNa.time().plus(p.window()).plus(Duration.ofHours(1));
        StoryAssignment again = index.assign(naBaoNa.storyAs("t-resent", "Báo Nghệ An", later));
        assertThat(again.opened()).isTrue();
        assertThat(again.storyId()).isNotEqualTo(first.storyId()).isEqualTo(StoryIds.ofFirstArticle("t-resent"));
        assertThat(stores.articles().size()).isEqualTo(1); // the first article was dropped
        assertThat(stores.buckets().size()).isEqualTo(p.bands());
        assertThat(stores.assignments().size()).isEqualTo(2); // assignments outlive the window
        // within the window the same text would have been a copy in the first story
        StoryIndex fresh = index();
        StoryAssignment original = fresh.assign(naBaoNa.story());
        StoryAssignment within = fresh.assign(naBaoNa.storyAs("t-resent", "Báo Nghệ An",
                naBaoNa.time().plus(Duration.ofHours(3))));
        assertThat(within.storyId()).isEqualTo(original.storyId());
        assertThat(within.copyOf()).isEqualTo("t-na-hoi-nghi-1");
    }

    @Test
    void storyIdsAreTheSameInEveryRun() {
        List<TestArticles.Loaded> all = List.of(naBaoNa, naTruyenHinh, naCopy, htHoiNghi, bdHuanChuong, qngHuanChuong);
        StoryIndex a = index();
        StoryIndex b = index();
        for (TestArticles.Loaded x : all) {
            assertThat(b.assign(x.story())).isEqualTo(a.assign(x.story()));
        }
        assertThat(StoryIds.ofFirstArticle("t-na-hoi-nghi-1")).isEqualTo("s-" + io.newspipe.stories.text.Hashing
                .sha256Hex("story\nt-na-hoi-nghi-1", 20)).hasSize(22);
    }
}
