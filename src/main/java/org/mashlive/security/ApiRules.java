package org.mashlive.security;

import static org.mashlive.board.api.Access.ADMIN;
import static org.mashlive.board.api.Access.DUTY_LEAD;
import static org.mashlive.board.api.Access.FRONT_DOOR;
import static org.mashlive.board.api.Access.HUB_MANAGER;
import static org.mashlive.board.api.Access.INTAKE;
import static org.mashlive.board.api.Access.PEOPLE;
import static org.mashlive.board.api.Access.SERVICE_HEAD;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpMethod;

/**
 * Who may call which part of the REST API. A request that no rule names is refused; the actuator's
 * health and Prometheus endpoints are open (see {@link ApiSecurity}).
 */
final class ApiRules {

    /**
     * One rule.
     *
     * @param method  the HTTP method, or null for any not matched by an earlier rule
     * @param pattern the path pattern
     * @param roles   the roles of which the caller must hold one
     */
    record Rule(HttpMethod method, String pattern, List<String> roles) {
    }

    static final List<String> SCREENERS = List.of(DUTY_LEAD, ADMIN);

    static final List<String> AUDIT_READERS = List.of(HUB_MANAGER, DUTY_LEAD, ADMIN);

    static final List<String> QA_GRADERS = List.of(HUB_MANAGER, ADMIN);

    static final List<String> ESCALATORS = List.of(HUB_MANAGER, DUTY_LEAD, ADMIN);

    static final List<String> ESCALATION_READERS = List.of(HUB_MANAGER, DUTY_LEAD, SERVICE_HEAD, ADMIN);

    /** In order: the first that matches decides. */
    static final List<Rule> RULES = rules();

    private ApiRules() {
    }

    private static List<Rule> rules() {
        var rules = new ArrayList<Rule>();
        rules.add(new Rule(HttpMethod.POST, "/api/referrals", List.of(INTAKE, FRONT_DOOR, DUTY_LEAD, ADMIN)));
        rules.add(new Rule(HttpMethod.PUT, "/api/referrals/*/rag", SCREENERS));
        rules.add(new Rule(HttpMethod.PUT, "/api/referrals/*/stage", SCREENERS));
        rules.add(new Rule(HttpMethod.PUT, "/api/referrals/*/flags", SCREENERS));
        rules.add(new Rule(HttpMethod.POST, "/api/referrals/*/decision", SCREENERS));
        // management oversight: a different duty lead or admin signs a decision off or returns it;
        // the queue carries rationales, which may name people, so it is theirs alone too
        rules.add(new Rule(HttpMethod.POST, "/api/referrals/*/decision/sign-off", SCREENERS));
        rules.add(new Rule(HttpMethod.POST, "/api/referrals/*/decision/return", SCREENERS));
        rules.add(new Rule(HttpMethod.GET, "/api/referrals/*/decisions", SCREENERS));
        rules.add(new Rule(HttpMethod.GET, "/api/decisions/**", SCREENERS));
        // who works what: duty leads allocate and move cases and police checks, and record checks done
        rules.add(new Rule(HttpMethod.PUT, "/api/referrals/*/allocation", SCREENERS));
        rules.add(new Rule(HttpMethod.PUT, "/api/referrals/*/police-check/allocation", SCREENERS));
        rules.add(new Rule(HttpMethod.POST, "/api/referrals/*/police-check", SCREENERS));
        // information requests to partners: duty leads ask, chase and record answers, which may identify a child
        rules.add(new Rule(null, "/api/referrals/*/partner-requests", SCREENERS));
        rules.add(new Rule(null, "/api/partner-requests/**", SCREENERS));
        // the audit trail answers "who moved this case, when and why": for those who manage the work
        rules.add(new Rule(HttpMethod.GET, "/api/referrals/*/audit", AUDIT_READERS));
        rules.add(new Rule(HttpMethod.GET, "/api/staff/*/audit", AUDIT_READERS));
        // exact figures for a period, for those who answer for the service
        rules.add(new Rule(HttpMethod.GET, "/api/reports/**", List.of(SERVICE_HEAD, ADMIN)));
        // quality assurance: hub managers draw and grade the weekly sample; everyone reads their own feedback
        rules.add(new Rule(HttpMethod.POST, "/api/quality/samples", QA_GRADERS));
        rules.add(new Rule(HttpMethod.GET, "/api/quality/samples/*", QA_GRADERS));
        rules.add(new Rule(HttpMethod.GET, "/api/quality/checklist", QA_GRADERS));
        rules.add(new Rule(HttpMethod.POST, "/api/quality/grades", QA_GRADERS));
        rules.add(new Rule(HttpMethod.GET, "/api/quality/feedback", PEOPLE));
        // professional disagreements with partner agencies: the hub's staff record them, service heads read too
        rules.add(new Rule(HttpMethod.GET, "/api/escalations", ESCALATION_READERS));
        rules.add(new Rule(HttpMethod.GET, "/api/escalations/resolved", ESCALATION_READERS));
        // what a disagreement is about may name people: duty leads and admins, audited as viewed
        rules.add(new Rule(HttpMethod.GET, "/api/escalations/*", SCREENERS));
        rules.add(new Rule(HttpMethod.POST, "/api/escalations", ESCALATORS));
        rules.add(new Rule(HttpMethod.POST, "/api/escalations/*/stage", ESCALATORS));
        rules.add(new Rule(HttpMethod.POST, "/api/escalations/*/resolution", ESCALATORS));
        // kiosk tokens sign screens in: admins alone make, list and revoke them
        rules.add(new Rule(HttpMethod.GET, "/api/kiosks/**", List.of(ADMIN)));
        rules.add(new Rule(HttpMethod.POST, "/api/kiosks/**", List.of(ADMIN)));
        rules.add(new Rule(HttpMethod.GET, "/api/teams", PEOPLE));
        rules.add(new Rule(HttpMethod.GET, "/api/allocation/**", PEOPLE));
        rules.add(new Rule(HttpMethod.GET, "/api/referrals/**", PEOPLE));
        // staff, shifts and the establishment: everyone reads, duty leads keep them
        for (String resource : List.of("/api/staff/**", "/api/shifts/**", "/api/establishment/**")) {
            rules.add(new Rule(HttpMethod.GET, resource, PEOPLE));
            for (HttpMethod write : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
                rules.add(new Rule(write, resource, SCREENERS));
            }
        }
        return List.copyOf(rules);
    }
}
