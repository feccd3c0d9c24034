package org.mashlive.capacity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mashlive.board.api.Channel;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Source;
import org.mashlive.capacity.api.CapacitySummary;
import org.mashlive.capacity.api.DailyArrivals;
import org.mashlive.capacity.api.DailyTimeliness;
import org.mashlive.capacity.api.PartnerRequests;
import org.mashlive.capacity.api.RoleStaffing;
import org.mashlive.platform.WorkingCalendar;
import org.mashlive.referral.ReferralFact;

/**
 * The referral-derived capacity figures, computed from facts: no database, no clock of its own,
 * so each figure is tested against known data. Days are calendar days in the hub's zone ({@link WorkingCalendar#zone()}).
 */
final class CapacityFigures {

    private CapacityFigures() {
    }

    /**
     * The first day whose contacts {@link #summarise} needs: the {@link CapacitySummary#DAYS} days
     * before today, which the average covers (the trend is the last of them and today).
     */
    static LocalDate firstDay(LocalDate today) {
        return today.minusDays(CapacitySummary.DAYS);
    }

    /**
     * The summary at {@code now}.
     *
     * @param received   every referral received from the start of {@link #firstDay} to {@code now}
     * @param decided    every referral decided from the start of the trend's first day to {@code now}
     * @param openNow    referrals open now
     * @param breachedNow open referrals breached now
     * @param availableWorkers people available now, or null when not known
     */
    static CapacitySummary summarise(Instant now, WorkingCalendar calendar, List<ReferralFact> received,
                                     List<ReferralFact> decided, int openNow, int breachedNow,
                                     List<RoleStaffing> workforce, List<PartnerRequests> partnerRequests,
                                     Integer availableWorkers) {
        LocalDate today = day(now, calendar.zone());
        LocalDate trendStart = today.minusDays(CapacitySummary.DAYS - 1);
        var arrivals = arrivalsPerDay(received, calendar, firstDay(today), today);
        var trend = arrivals.subList(arrivals.size() - CapacitySummary.DAYS, arrivals.size());
        var before = arrivals.subList(arrivals.size() - 1 - CapacitySummary.DAYS, arrivals.size() - 1);
        double average = before.stream().mapToInt(DailyArrivals::total).sum() / (double) CapacitySummary.DAYS;
        int trendTotal = trend.stream().mapToInt(DailyArrivals::total).sum();
        int trendReReferrals = trend.stream().mapToInt(DailyArrivals::reReferral).sum();
        return new CapacitySummary(now, today, openNow, breachedNow, trend.getLast().total(), average,
                List.copyOf(trend), timelinessPerDay(decided, trendStart, today, calendar.zone()),
                reReferralRate(trendReReferrals, trendTotal),
                trend.stream().mapToInt(DailyArrivals::outOfHours).sum(), workforce, partnerRequests,
                availableWorkers);
    }

    /** Contacts per day from {@code first} to {@code last}, one entry per day, days without contacts included. */
    static List<DailyArrivals> arrivalsPerDay(List<ReferralFact> received, WorkingCalendar calendar, LocalDate first,
                                              LocalDate last) {
        var days = new LinkedHashMap<LocalDate, Tally>();
        for (var day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.put(day, new Tally());
        }
        for (var fact : received) {
            var tally = days.get(day(fact.receivedAt(), calendar.zone()));
            if (tally == null) {
                continue;
            }
            tally.bySource.merge(fact.source(), 1, Integer::sum);
            tally.byChannel.merge(fact.channel(), 1, Integer::sum);
            if (fact.reReferral()) {
                tally.reReferral++;
            }
            if (!calendar.isWorkingTime(fact.receivedAt())) {
                tally.outOfHours++;
            }
        }
        var result = new ArrayList<DailyArrivals>();
        days.forEach((day, tally) -> result.add(
                new DailyArrivals(day, tally.bySource, tally.byChannel, tally.reReferral, tally.outOfHours)));
        return result;
    }

    /**
     * Decisions per day from {@code first} to {@code last} by RAG at decision: how many, and how
     * many within timescale (decided at or before the due time).
     */
    static List<DailyTimeliness> timelinessPerDay(List<ReferralFact> decided, LocalDate first, LocalDate last,
                                                  ZoneId zone) {
        var days = new LinkedHashMap<LocalDate, Map<String, int[]>>();
        for (var day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.put(day, new LinkedHashMap<>());
        }
        for (var fact : decided) {
            if (!fact.decided()) {
                continue;
            }
            var counts = days.get(day(fact.decidedAt(), zone));
            if (counts == null) {
                continue;
            }
            var pair = counts.computeIfAbsent(MeterLabels.rag(fact.rag()), rag -> new int[2]);
            pair[0]++;
            if (fact.decidedWithinTimescale()) {
                pair[1]++;
            }
        }
        var result = new ArrayList<DailyTimeliness>();
        days.forEach((day, counts) -> {
            var byRag = new ArrayList<DailyTimeliness.RagTimeliness>();
            for (Rag rag : MeterLabels.ragsAndUnrated()) {
                var pair = counts.getOrDefault(MeterLabels.rag(rag), new int[2]);
                byRag.add(new DailyTimeliness.RagTimeliness(rag, pair[0], pair[1]));
            }
            result.add(new DailyTimeliness(day, byRag));
        });
        return result;
    }

    /** The share of contacts that were re-referrals, 0 to 1; 0 with no contacts. */
    static double reReferralRate(int reReferrals, int contacts) {
        return contacts == 0 ? 0 : (double) reReferrals / contacts;
    }

    static LocalDate day(Instant instant, ZoneId zone) {
        return LocalDate.ofInstant(instant, zone);
    }

    private static final class Tally {
        final Map<Source, Integer> bySource = new EnumMap<>(Source.class);
        final Map<Channel, Integer> byChannel = new EnumMap<>(Channel.class);
        int reReferral;
        int outOfHours;
    }
}
