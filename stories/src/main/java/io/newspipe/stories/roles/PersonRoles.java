package io.newspipe.stories.roles;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.newspipe.extraction.TextNormalizer;
import io.newspipe.stories.state.Bytes;
import io.newspipe.stories.state.Codec;

/**
 * A person's positions over time: the value of the compacted {@code news.roles.v1} (keyed by person id) in phase B.
 * Immutable; {@link #with} folds in one fact. A position is one post in one organization (posts compared ignoring
 * case and tone placement, organizations by id).
 *
 * @param personId  the person
 * @param name      their canonical name
 * @param positions ordered by first date stated
 */
public record PersonRoles(String personId, String name, List<Position> positions) {

    public PersonRoles {
        Objects.requireNonNull(personId, "personId");
        positions = List.copyOf(positions);
    }

    public static PersonRoles empty(String personId, String name) {
        return new PersonRoles(personId, name, List.of());
    }

    /** This timeline with fact added; unchanged when the same article already stated the same position. */
    public PersonRoles with(RoleFact f) {
        if (!f.personId().equals(personId)) {
            throw new IllegalArgumentException("fact about " + f.personId() + " added to the roles of " + personId);
        }
        List<Position> ps = new ArrayList<>(positions);
        for (int i = 0; i < ps.size(); i++) {
            Position p = ps.get(i);
            if (samePosition(p, f)) {
                if (p.articleIds().contains(f.articleId())) {
                    return this;
                }
                List<String> ids = new ArrayList<>(p.articleIds());
                ids.add(f.articleId());
                ps.set(i, new Position(p.post(), p.organization(), p.organizationId(),
                        f.date().isBefore(p.firstSeen()) ? f.date() : p.firstSeen(),
                        f.date().isAfter(p.lastSeen()) ? f.date() : p.lastSeen(), ids));
                return new PersonRoles(personId, name, sorted(ps));
            }
        }
        ps.add(new Position(f.post(), f.organization(), f.organizationId(), f.date(), f.date(), List.of(f.articleId())));
        return new PersonRoles(personId, name == null ? f.personName() : name, sorted(ps));
    }

    private static final int VERSION = 1;

    /** The state-store form. */
    public static final Codec<PersonRoles> CODEC = new Codec<>() {
        @Override
        public byte[] encode(PersonRoles r) {
            return Bytes.write(VERSION, out -> {
                out.writeUTF(r.personId);
                Bytes.writeNullable(out, r.name);
                out.writeInt(r.positions.size());
                for (Position p : r.positions) {
                    out.writeUTF(p.post());
                    Bytes.writeNullable(out, p.organization());
                    Bytes.writeNullable(out, p.organizationId());
                    out.writeLong(p.firstSeen().toEpochDay());
                    out.writeLong(p.lastSeen().toEpochDay());
                    Bytes.writeStrings(out, p.articleIds());
                }
            });
        }

        @Override
        public PersonRoles decode(byte[] bytes) {
            return Bytes.read(bytes, VERSION, "person roles", in -> {
                String id = in.readUTF();
                String name = Bytes.readNullable(in);
                int n = in.readInt();
                List<Position> ps = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    String post = in.readUTF();
                    String org = Bytes.readNullable(in);
                    String orgId = Bytes.readNullable(in);
                    LocalDate first = LocalDate.ofEpochDay(in.readLong());
                    LocalDate last = LocalDate.ofEpochDay(in.readLong());
                    ps.add(new Position(post, org, orgId, first, last, Bytes.readStrings(in)));
                }
                return new PersonRoles(id, name, ps);
            });
        }
    };

    static boolean samePost(String a, String b) {
        return TextNormalizer.canonicalKey(a).equals(TextNormalizer.canonicalKey(b));
    }

    private static boolean samePosition(Position p, RoleFact f) {
        return samePost(p.post(), f.post()) && Objects.equals(p.organizationId(), f.organizationId());
    }

    private static List<Position> sorted(List<Position> ps) {
        ps.sort(Comparator.comparing(Position::firstSeen));
        return ps;
    }
}
