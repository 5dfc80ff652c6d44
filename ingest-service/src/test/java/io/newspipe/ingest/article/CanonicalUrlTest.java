package io.newspipe.ingest.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

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
    void givenNonDefaultPortAndMeaningfulParams_whenCanonicalized_thenTheyAreKeptSortedByName() {
        assertThat(CanonicalUrl.canonicalize("http://a.vn:8080/x?b=2&a=1&gclid=9"))
                .isEqualTo("http://a.vn:8080/x?a=1&b=2");
    }

    @Test
    void givenHttpAndHttpsParameterOrderDotSegmentsAndFragment_whenIdsDerived_thenOneArticleHasOneId() {
        List<String> spellings = List.of(
                "https://baotinh.vn/thoi-su/bai-1?id=7&page=2",
                "http://baotinh.vn/thoi-su/bai-1?page=2&id=7",
                "HTTP://BAOTINH.VN:80/thoi-su/./bai-1?id=7&page=2#binh-luan",
                "https://baotinh.vn:443/thoi-su/tam/../bai-1/?utm_source=zalo&page=2&id=7");

        assertThat(spellings).extracting(u -> ArticleIds.fromCanonicalUrl(
                CanonicalUrl.identity(CanonicalUrl.canonicalize(u)))).containsOnly(
                        ArticleIds.fromCanonicalUrl("https://baotinh.vn/thoi-su/bai-1?id=7&page=2"));
        assertThat(CanonicalUrl.canonicalize(spellings.get(1))).as("the URL keeps the scheme it was given")
                .isEqualTo("http://baotinh.vn/thoi-su/bai-1?id=7&page=2");
    }

    @Test
    void givenRepeatedParameterNames_whenSorted_thenValuesOrderTiesAndNamesStayWhole() {
        assertThat(CanonicalUrl.canonicalize("https://a.vn/x?tag=b&tag=a&t=1"))
                .isEqualTo("https://a.vn/x?t=1&tag=a&tag=b");
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
