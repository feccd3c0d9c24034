package org.mashlive.audit;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Work done for a person. {@link #as} runs the work in one transaction that first names the person
 * in the transaction's {@code mash.actor} setting: every row the work writes that records who made
 * it (a referral received, a RAG or stage change) takes the person from there by default, so no
 * statement of the work has to carry them and none can forget them. The person's display name and
 * role are kept in the {@code actor} table for those who later read who did what.
 */
@Component
public class Acting {

    /** The roles a person may act in, the most senior first: a person with several acts as the first. */
    private static final List<String> ROLES = List.of("ADMIN", "DUTY_LEAD", "SERVICE_HEAD", "HUB_MANAGER", "INTAKE",
            "BOARD");

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final ObjectProvider<DisplayNames> names;
    private final Clock clock;
    /** People already recorded as they now are, so that their row is written only when it changes. */
    private final Map<String, Actor> recorded = new ConcurrentHashMap<>();

    Acting(DatabaseClient db, TransactionalOperator transaction, ObjectProvider<DisplayNames> names, Clock clock) {
        this.db = db;
        this.transaction = transaction;
        this.names = names;
        this.clock = clock;
    }

    /** The signed-in caller as an actor; an error when no one is signed in. */
    public Mono<Actor> caller() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication())
                .map(this::of)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no signed-in caller")));
    }

    /** The person {@code signedIn} is, named as the hub knows them. */
    public Actor of(Authentication signedIn) {
        var held = signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length())).toList();
        String role = ROLES.stream().filter(held::contains).findFirst()
                .orElse(held.isEmpty() ? "UNKNOWN" : held.getFirst());
        DisplayNames configured = names.getIfAvailable();
        Optional<String> name = configured == null ? Optional.empty() : configured.of(signedIn);
        return new Actor(signedIn.getName(), name.orElse(signedIn.getName()), role);
    }

    /** The account {@code username} in {@code role}, with its configured display name. */
    public Actor named(String username, String role) {
        DisplayNames configured = names.getIfAvailable();
        Optional<String> name = configured == null ? Optional.empty() : configured.of(username);
        return new Actor(username, name.orElse(username), role);
    }

    /** The Reactor context key under which {@link #within} finds the person work is done for. */
    private static final Class<Actor> KEY = Actor.class;

    /** Names {@code actor} in a Reactor context, for {@link #within} in a transaction further in. */
    public static reactor.util.context.Context context(reactor.util.context.ContextView context, Actor actor) {
        return reactor.util.context.Context.of(context).put(KEY, actor);
    }

    /**
     * The person {@link #context} named in {@code context}, if any: for work handed to another
     * subscriber (a group of intakes run by one caller for many) that must still say whose it is.
     */
    public static java.util.Optional<Actor> in(reactor.util.context.ContextView context) {
        return context.getOrEmpty(KEY);
    }

    /**
     * Names the person of the Reactor context (see {@link #context}) in the current transaction;
     * nothing when there is none, and the rows then record the system. For work that opens its own
     * transaction deeper in, where {@link #as} cannot wrap it.
     */
    public Mono<Void> within() {
        return Mono.deferContextual(context -> context.<Actor>getOrEmpty(KEY)
                .map(actor -> db.sql("SELECT set_config('mash.actor', :username, true)")
                        .bind("username", actor.username()).then()
                        .then(known(actor))
                        .then(rememberedOnCommit(actor)))
                .orElseGet(Mono::empty));
    }

    /**
     * Notes {@code actor} as recorded once the transaction that wrote their row commits: were it
     * noted at once and the transaction rolled back, their row would never be written again and
     * the trail would show their username for a name. Outside a transaction the row is written.
     */
    private Mono<Void> rememberedOnCommit(Actor actor) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .doOnNext(sync -> {
                    if (!sync.isSynchronizationActive()) {
                        recorded.put(actor.username(), actor);
                        return;
                    }
                    sync.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public Mono<Void> afterCompletion(int status) {
                            if (status == STATUS_COMMITTED) {
                                recorded.put(actor.username(), actor);
                            }
                            return Mono.empty();
                        }
                    });
                })
                .onErrorResume(NoTransactionException.class, none -> {
                    recorded.put(actor.username(), actor);
                    return Mono.empty();
                })
                .then();
    }

    /** Runs {@code work} in one transaction as {@code actor}. */
    public <T> Mono<T> as(Actor actor, Mono<T> work) {
        Mono<Void> named = db.sql("SELECT set_config('mash.actor', :username, true)")
                .bind("username", actor.username()).then();
        return transaction.transactional(named.then(known(actor)).then(work))
                .doOnSuccess(done -> recorded.put(actor.username(), actor));
    }

    /**
     * Records {@code actor}'s display name and role, in a statement of its own, for work that keeps
     * its own transactions (allocation writes the attempts it refuses apart from its changes).
     */
    public Mono<Void> remember(Actor actor) {
        return known(actor).doOnSuccess(done -> recorded.put(actor.username(), actor));
    }

    private Mono<Void> known(Actor actor) {
        return actor.equals(recorded.get(actor.username())) ? Mono.empty()
                : db.sql("""
                                INSERT INTO actor (username, display_name, role, seen_at)
                                VALUES (:username, :name, :role, :at)
                                ON CONFLICT (username) DO UPDATE
                                SET display_name = EXCLUDED.display_name, role = EXCLUDED.role, seen_at = EXCLUDED.seen_at""")
                        .bind("username", actor.username())
                        .bind("name", actor.displayName())
                        .bind("role", actor.role())
                        .bind("at", clock.instant().atOffset(ZoneOffset.UTC))
                        .then();
    }
}
