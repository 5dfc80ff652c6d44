package io.newspipe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.newspipe.schemas.RawArticle;

class BenchArticlesTest {

    @Test
    void givenManyIndexes_whenGenerated_thenEveryArticleHasItsOwnIdAndStartsWithASample() {
        BenchArticles articles = new BenchArticles();
        List<RawArticle> raws = articles.raws(0, 500);

        assertThat(raws).extracting(RawArticle::getArticleId).doesNotHaveDuplicates();
        assertThat(articles.text(5)).startsWith(articles.samples().get(1).stripTrailing())
                .contains("xã ").contains("triệu đồng");
    }

    @Test
    void givenTwoSalts_whenSameIndexGenerated_thenIdsDiffer() {
        assertThat(new BenchArticles("-a").raw(7).getArticleId()).isNotEqualTo(new BenchArticles("-b").raw(7).getArticleId());
    }

    @Test
    void givenSortedLatencies_whenPercentile_thenNearestRankValue() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }
        assertThat(BenchCommand.percentile(sorted, 0.50)).isEqualTo(50);
        assertThat(BenchCommand.percentile(sorted, 0.99)).isEqualTo(99);
        assertThat(BenchCommand.percentile(new long[] {7}, 0.99)).isEqualTo(7);
    }

    @Test
    void givenBaselineKeys_whenIndexRead_thenTheRunIndexAfterTheLastDash() {
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        assertThat(BenchCommand.runIndex("warm3--0".getBytes(utf8))).isEqualTo(0);
        assertThat(BenchCommand.runIndex("m2--9041".getBytes(utf8))).isEqualTo(9041);
        assertThat(BenchCommand.runIndex("settle12--123456".getBytes(utf8))).isEqualTo(123456);
    }

    @Test
    void givenTwoTimedRuns_whenAddedUp_thenRatesAreTotalCountOverTotalTime() {
        BenchCommand.Rate totals = new BenchCommand.Rate(1000, 1_000_000_000L, 2_000_000_000L) // 1,000/s
                .plus(new BenchCommand.Rate(1000, 3_000_000_000L, 2_000_000_000L)); // 333/s: a slow stretch
        // not the mean of the two rates (667/s): each record counts once
        assertThat(totals.perSecond()).isEqualTo(500.0);
        assertThat(totals.perCpuSecond()).isEqualTo(500.0);
    }
}
