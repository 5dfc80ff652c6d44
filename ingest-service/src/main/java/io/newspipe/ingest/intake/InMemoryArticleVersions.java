package io.newspipe.ingest.intake;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ArticleVersions} in one process's heap: about 130 bytes per article. */
public final class InMemoryArticleVersions implements ArticleVersions {

    private final ConcurrentHashMap<String, Known> latest = new ConcurrentHashMap<>();

    @Override
    public Optional<Known> latest(String articleId) {
        return Optional.ofNullable(latest.get(articleId));
    }

    @Override
    public void acknowledged(String articleId, Known version) {
        latest.merge(articleId, version, (old, now) -> now.version() >= old.version() ? now : old);
    }

    @Override
    public int size() {
        return latest.size();
    }
}
