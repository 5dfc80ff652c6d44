package io.newspipe.stories.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A position as stated in a role: the post and the organization it is held in, canonical for the article's
 * province ("Bí thư Tỉnh ủy" in an article about Nghệ An: post "Bí thư", organization "Tỉnh ủy Nghệ An").
 *
 * @param post           the post as the titles lexicon spells it ("Phó Chủ tịch")
 * @param organization   the canonical organization ({@link OrganizationNames}), or null when the role names none
 * @param organizationId its {@link EntityIds#organization id}, or null
 */
public record Role(String post, String organization, String organizationId) {

    public Role {
        Objects.requireNonNull(post, "post");
    }

    /** "Bí thư Tỉnh ủy Nghệ An". */
    public String text() {
        return organization == null ? post : post + " " + organization;
    }

    /** The positions a role string states ("Ủy viên Ban Thường vụ Tỉnh ủy, Chủ tịch UBND tỉnh" is two). */
    public static List<Role> parse(String role, AdminUnitRef province) {
        List<Role> out = new ArrayList<>();
        if (role == null) {
            return out;
        }
        for (String part : role.split(",|;| kiêm ")) {
            Role r = parseOne(part.strip(), province);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    private static Role parseOne(String part, AdminUnitRef province) {
        String s = part;
        for (String h : ExtractionLexicon.HONORIFICS) {
            if (Names.startsWithWords(s, h)) {
                s = Names.dropWords(s, Names.wordCount(h));
                break;
            }
        }
        for (String post : ExtractionLexicon.POSTS) {
            if (Names.startsWithWords(s, post)) {
                String rest = Names.dropWords(s, Names.wordCount(post)).strip();
                if (rest.isEmpty()) {
                    return new Role(post, null, null);
                }
                String org = OrganizationNames.canonical(rest, province);
                return new Role(post, org, EntityIds.organization(org));
            }
        }
        return null;
    }
}
