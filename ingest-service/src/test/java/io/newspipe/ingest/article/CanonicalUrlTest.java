package io.newspipe.ingest.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CanonicalUrlTest {

    @Test
    void givenUrlWithTrackingFragmentCaseAndSlash_whenCanonicalized_thenOnlyTheArticleAddressRemains() {
        String url = "HTTPS://BaoBinhDinh.VN:443/tin-tuc/Bai-Viet-1/?utm_source=zalo&id=7&fbclid=abc&UTM_medium=x#binh-luan";

        assertThat(CanonicalUrl.canonicalize(url)).isEqualTo("https://baobinhdinh.vn/tin-tuc/Bai-Viet-1?id=7");
    }

    @Test
    void givenBareHostWithTrailingSlash_whenCanonicalized_thenSlashIsDropped() {
        assertThat(CanonicalUrl.canonicalize("http://truyenhinhnghean.vn/")).isEqualTo("http://truyenhinhnghean.vn");
    }

    @Test
    void givenNonDefaultPortAndMeaningfulParams_whenCanonicalized_thenTheyAreKeptInOrder() {
        assertThat(CanonicalUrl.canonicalize("http://a.vn:8080/x?b=2&a=1&gclid=9"))
                .isEqualTo("http://a.vn:8080/x?b=2&a=1");
    }

    @Test
    void givenTwoSpellingsOfOneArticle_whenIdsDerived_thenTheyAreEqual() {
        String a = ArticleIds.fromCanonicalUrl(CanonicalUrl.canonicalize("https://a.vn/bai-1/"));
        String b = ArticleIds.fromCanonicalUrl(CanonicalUrl.canonicalize("https://A.vn/bai-1?utm_campaign=x#top"));

        assertThat(a).isEqualTo(b).startsWith("u-").hasSize(22);
    }

    @Test
    void givenNonHttpUrl_whenCanonicalized_thenRejectedAsInvalidUrl() {
        assertThatThrownBy(() -> CanonicalUrl.canonicalize("ftp://a.vn/x"))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("http")
                .extracting(e -> ((InvalidArticleException) e).code()).isEqualTo("invalid_url");
    }

    @Test
    void givenRelativeUrl_whenCanonicalized_thenRejected() {
        assertThatThrownBy(() -> CanonicalUrl.canonicalize("/tin-tuc/bai-1"))
                .isInstanceOf(InvalidArticleException.class);
    }
}
