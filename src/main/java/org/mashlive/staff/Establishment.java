package org.mashlive.staff;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.mashlive.board.api.Contract;
import org.mashlive.board.api.StaffRole;

/**
 * The funded posts of each role against the people in post, in full-time equivalents (FTE).
 *
 * @param lines one per role, in {@link StaffRole} order
 */
public record Establishment(List<Line> lines) {

    public Establishment {
        lines = List.copyOf(lines);
    }

    /**
     * @param role      the role
     * @param fundedFte funded posts
     * @param inPostFte what the people in post fill
     * @param people    how many people are in post
     */
    public record Line(StaffRole role, BigDecimal fundedFte, BigDecimal inPostFte, int people) {

        /** Funded less in post; negative when the role is over its establishment. */
        public BigDecimal vacancyFte() {
            return fundedFte.subtract(inPostFte);
        }
    }

    /**
     * The establishment from the funded posts and the people: those who have left are not in post.
     * A full-time person fills 1.0; a part-time or lean one the fraction stored for them or else
     * the configured default of their contract.
     */
    public static Establishment of(Map<StaffRole, BigDecimal> funded, Collection<Person> people,
                                   StaffProperties settings) {
        var inPost = new EnumMap<StaffRole, BigDecimal>(StaffRole.class);
        var heads = new EnumMap<StaffRole, Integer>(StaffRole.class);
        for (var person : people) {
            if (person.active()) {
                inPost.merge(person.role(), fteOf(person.contract(), person.fte(), settings), BigDecimal::add);
                heads.merge(person.role(), 1, Integer::sum);
            }
        }
        return new Establishment(java.util.Arrays.stream(StaffRole.values())
                .map(role -> new Line(role, funded.getOrDefault(role, BigDecimal.ZERO),
                        inPost.getOrDefault(role, BigDecimal.ZERO), heads.getOrDefault(role, 0)))
                .toList());
    }

    /** The fraction of a post a person on {@code contract} fills, with {@code stored} when set. */
    public static BigDecimal fteOf(Contract contract, BigDecimal stored, StaffProperties settings) {
        return switch (contract) {
            case FULL_TIME -> BigDecimal.ONE;
            case PART_TIME -> stored != null ? stored : settings.partTimeFte();
            case LEAN -> stored != null ? stored : settings.leanFte();
        };
    }

    /** The line of {@code role}. */
    public Line line(StaffRole role) {
        return lines.stream().filter(line -> line.role() == role).findFirst().orElseThrow();
    }

    public BigDecimal fundedFte() {
        return lines.stream().map(Line::fundedFte).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal inPostFte() {
        return lines.stream().map(Line::inPostFte).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Vacant posts in all: the sum of each role's vacancies that are not negative. */
    public BigDecimal vacancyFte() {
        return lines.stream().map(Line::vacancyFte).filter(v -> v.signum() > 0).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
