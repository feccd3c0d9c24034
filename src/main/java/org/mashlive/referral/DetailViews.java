package org.mashlive.referral;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.mashlive.audit.Actor;
import org.mashlive.audit.AuditTrail;
import org.mashlive.referral.api.ReferralDetail;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A referral's detail with who did what: who took it in, who set each RAG, its decisions with who made,
 * signed off or returned them, and its trail, each person by display name and role.
 */
@Component
class DetailViews {

    private final ReferralService referrals;
    private final Decisions decisions;
    private final AuditTrail audit;
    private final DatabaseClient db;

    DetailViews(ReferralService referrals, Decisions decisions, AuditTrail audit, DatabaseClient db) {
        this.referrals = referrals;
        this.decisions = decisions;
        this.audit = audit;
        this.db = db;
    }

    /** The detail of {@code idOrReference}, with who did what. */
    Mono<ReferralDetail> detail(String idOrReference) {
        return referrals.detail(idOrReference).flatMap(detail -> Mono.zip(
                db.sql("SELECT received_by FROM referral WHERE id = :id").bind("id", detail.id())
                        .map(row -> row.get("received_by", String.class)).one(),
                db.sql("SELECT changed_by FROM rag_change WHERE referral_id = :id ORDER BY changed_at, id")
                        .bind("id", detail.id()).map(row -> row.get("changed_by", String.class)).all().collectList(),
                decisions.ofReferral(detail.id()).collectList(),
                audit.forCaseNamed(detail.id()).collectList()
        ).flatMap(found -> {
            var names = new HashSet<String>();
            names.add(found.getT1());
            names.addAll(found.getT2());
            return audit.people(names).map(people -> {
                var steps = new ArrayList<ReferralDetail.RagStep>();
                for (int i = 0; i < detail.ragHistory().size(); i++) {
                    var step = detail.ragHistory().get(i);
                    String by = i < found.getT2().size() ? people.get(found.getT2().get(i)).label() : null;
                    steps.add(new ReferralDetail.RagStep(step.at(), step.from(), step.to(), step.reason(), by));
                }
                List<ReferralDetail.DecisionStep> made = found.getT3().stream().map(d -> new ReferralDetail.DecisionStep(
                        d.outcome(), d.rationale(), d.threshold(), d.nextStep(), d.receivingTeam(), d.referrerToldAt(),
                        d.referrerToldHow(), d.decidedAt(), d.decidedBy().label(), d.decidedBy().username(),
                        d.status(), d.settledAt(), d.settledBy() == null ? null : d.settledBy().label(),
                        d.returnReason())).toList();
                List<ReferralDetail.TrailStep> trail = found.getT4().stream()
                        .map(e -> new ReferralDetail.TrailStep(e.at(), e.action().name(),
                                new Actor(e.actor(), e.actorName(), e.actorRole()).label(), e.detail()))
                        .toList();
                return new ReferralDetail(detail.id(), detail.reference(), detail.receivedAt(), detail.source(),
                        detail.firstName(), detail.lastName(), detail.dateOfBirth(), detail.concern(), detail.consent(),
                        detail.consentOverrideReason(), detail.rag(), detail.stage(), steps,
                        people.get(found.getT1()).label(), made, trail, detail.estimatedAge(),
                        detail.expectedDeliveryDate(), detail.referrer(), detail.policeRiskLevel(), detail.siblings());
            });
        }));
    }
}
