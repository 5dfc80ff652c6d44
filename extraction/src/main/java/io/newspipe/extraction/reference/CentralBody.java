package io.newspipe.extraction.reference;

import java.time.LocalDate;
import java.util.List;

/**
 * A central party or state body of Vietnam.
 *
 * @param id            stable, ASCII: "bo-tai-chinh"
 * @param kind          party body, ministry, ...
 * @param name          "Bộ Tài chính"
 * @param abbreviations "BTC"
 * @param otherNames    longer or older forms
 * @param validFrom     first day in force; null when before the sources' period or not given
 * @param validTo       last day in force; null while in force, or when the sources give no day
 * @param successorIds  the bodies that took over when it ended
 * @param parentId      the body it belongs to ("chinh-phu" for a ministry), or empty
 */
public record CentralBody(String id, Kind kind, String name, List<String> abbreviations, List<String> otherNames,
        LocalDate validFrom, LocalDate validTo, List<String> successorIds, String parentId) {

    public enum Kind {
        /** Central Committee, Politburo, Secretariat, its boards and the party committees under it. */
        PARTY,
        /** The National Assembly, its Standing Committee, councils, committees and office. */
        NATIONAL_ASSEMBLY,
        /** Other state bodies of the Constitution: the President's office, State Audit, Election Council. */
        STATE,
        /** The Supreme People's Court and Procuracy. */
        JUDICIARY,
        /** The Government itself. */
        GOVERNMENT,
        MINISTRY,
        /** Cơ quan ngang bộ: State Bank, Government Inspectorate, Government Office, (until 2025) Ethnic Committee. */
        MINISTRY_LEVEL,
        /** Bodies under the Government: the national broadcasters and news agency. */
        AGENCY,
        /** Departments of a ministry with nationwide reach: tax, customs, statistics, treasury. */
        DEPARTMENT,
        /** The Vietnam Fatherland Front. */
        FRONT,
        /** The socio-political organizations of the Front: unions, youth, women, farmers, veterans. */
        MASS_ORGANIZATION
    }

    public boolean validOn(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
    }
}
