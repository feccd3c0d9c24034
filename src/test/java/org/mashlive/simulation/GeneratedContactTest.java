package org.mashlive.simulation;

import org.mashlive.TestZone;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mashlive.board.api.BoardState;
import org.mashlive.board.api.Channel;
import org.mashlive.board.api.Flag;
import org.mashlive.board.api.Source;
import org.mashlive.referral.Consent;
import org.mashlive.referral.HealthType;

/** Every generated contact is one the front door accepts, and says what its source would say. */
class GeneratedContactTest {

    static ValidatorFactory factory;
    static List<Contact> contacts;

    @BeforeAll
    static void generate() {
        factory = Validation.buildDefaultValidatorFactory();
        contacts = ContactModelTest.generate(ContactModel.seeded(99, 15_000, Set.of()), 10_000);
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void everyContactPassesBeanValidation() {
        Validator validator = factory.getValidator();
        for (Contact contact : contacts) {
            assertThat(validator.validate(contact.referral())).as(contact.referral().toString()).isEmpty();
        }
    }

    @Test
    void policeNotificationsComeFromPoliceWithAMerlinReference() {
        var notifications = contacts.stream().filter(c -> c.referral().channel() == Channel.POLICE_NOTIFICATION).toList();
        assertThat(notifications).isNotEmpty();
        var refs = new HashSet<String>();
        for (Contact contact : notifications) {
            var referral = contact.referral();
            assertThat(referral.source()).isEqualTo(Source.POLICE);
            assertThat(referral.externalRef()).matches("MERLIN-\\d{2}-\\d{7}");
            assertThat(referral.externalRef()).startsWith("MERLIN-%02d-".formatted(
                    LocalDateTime.ofInstant(contact.at(), TestZone.LONDON).getYear() % 100));
            assertThat(refs.add(referral.externalRef())).as("unique " + referral.externalRef()).isTrue();
        }
        double policeByNotification = (double) notifications.size()
                / contacts.stream().filter(c -> c.referral().source() == Source.POLICE).count();
        assertThat(policeByNotification).isBetween(0.85, 0.95);
        assertThat(contacts).filteredOn(c -> c.referral().channel() != Channel.POLICE_NOTIFICATION)
                .allMatch(c -> c.referral().externalRef() == null);
    }

    @Test
    void channelsFitTheirSources() {
        assertThat(share(Source.FAMILY_SELF, Channel.PHONE)).isGreaterThan(0.5);
        assertThat(share(Source.HEALTH, Channel.PORTAL) + share(Source.HEALTH, Channel.EMAIL)).isGreaterThan(0.7);
        assertThat(share(Source.EDUCATION, Channel.PORTAL) + share(Source.EDUCATION, Channel.EMAIL)).isGreaterThan(0.7);
    }

    static double share(Source source, Channel channel) {
        var from = contacts.stream().filter(c -> c.referral().source() == source).toList();
        return (double) from.stream().filter(c -> c.referral().channel() == channel).count() / from.size();
    }

    @Test
    void healthSubTypeOnlyForHealth() {
        var healthTypes = new HashSet<HealthType>();
        for (Contact contact : contacts) {
            var referral = contact.referral();
            assertThat(referral.healthType() != null).as(referral.toString()).isEqualTo(referral.source() == Source.HEALTH);
            assertThat(referral.merlinId()).isNull();
            if (referral.healthType() != null) {
                healthTypes.add(referral.healthType());
            }
        }
        assertThat(healthTypes).containsExactlyInAnyOrder(HealthType.values());
    }

    @Test
    void consentOverridesSayWhy() {
        for (Contact contact : contacts) {
            var referral = contact.referral();
            assertThat(referral.consentOverrideReason() != null).isEqualTo(referral.consent() == Consent.OVERRIDDEN);
        }
        assertThat(contacts).extracting(c -> c.referral().consent()).contains(Consent.values());
    }

    @Test
    void childrenAreUnderEighteenAndBornByTheDayOfTheContact() {
        var ages = new java.util.HashSet<Long>();
        for (Contact contact : contacts) {
            LocalDate day = LocalDateTime.ofInstant(contact.at(), TestZone.LONDON).toLocalDate();
            for (var child : contact.referral().named()) {
                if (child.dateOfBirth() != null) {
                    assertThat(child.dateOfBirth()).isBeforeOrEqualTo(day);
                    ages.add(ChronoUnit.YEARS.between(child.dateOfBirth(), day));
                } else if (child.estimatedAge() != null) {
                    assertThat(child.estimatedAge()).isBetween(0, 17);
                } else {
                    assertThat(child.expectedDeliveryDate()).isAfter(day).isBefore(day.plusDays(300));
                }
            }
        }
        assertThat(ages).contains(0L, 17L).allMatch(age -> age <= 17);
    }

    @Test
    void flagsAtPlausibleRates() {
        assertThat(flagShare(Source.POLICE, Flag.DOMESTIC_ABUSE)).isBetween(0.35, 0.55);
        assertThat(flagShare(Source.EDUCATION, Flag.DOMESTIC_ABUSE)).isLessThan(0.15);
        assertThat(flagShare(Source.BORDER_FORCE, Flag.ASYLUM_SEEKING)).isGreaterThan(0.7);
        assertThat(flagShare(Source.HEALTH, Flag.ASYLUM_SEEKING)).isLessThan(0.08);
        assertThat(flagShare(Source.EDUCATION, Flag.SEND)).isBetween(0.08, 0.25);
        for (Flag flag : Flag.values()) {
            double all = (double) contacts.stream().filter(c -> c.referral().flags().contains(flag)).count()
                    / contacts.size();
            assertThat(all).as(flag.name()).isBetween(0.005, 0.3);
        }
    }

    static double flagShare(Source source, Flag flag) {
        var from = contacts.stream().filter(c -> c.referral().source() == source).toList();
        return (double) from.stream().filter(c -> c.referral().flags().contains(flag)).count() / from.size();
    }

    @Test
    void phrasesForBabiesAndTeenagersGoToTheirAges() {
        assertThat(Phrases.fitsAge("Parent's mental health affecting care of an infant", 1)).isTrue();
        assertThat(Phrases.fitsAge("Parent's mental health affecting care of an infant", 12)).isFalse();
        assertThat(Phrases.fitsAge("Young person says they cannot go home tonight", 0)).isFalse();
        assertThat(Phrases.fitsAge("Young person says they cannot go home tonight", 15)).isTrue();
        for (var phrases : Phrases.CONCERNS.values()) {
            for (int age = 0; age < 18; age++) {
                int at = age;
                assertThat(phrases).anyMatch(phrase -> Phrases.fitsAge(phrase, at));
            }
        }
    }

    @Test
    void concernsComeFromTheSourcesOwnPhrases() {
        for (Contact contact : contacts) {
            assertThat(Phrases.CONCERNS.get(contact.referral().source())).contains(contact.referral().concern());
            var child = contact.referral().named().getFirst();
            LocalDate day = LocalDateTime.ofInstant(contact.at(), TestZone.LONDON).toLocalDate();
            // the concern fits the first child named; an unborn child is not yet any age
            int age = child.dateOfBirth() != null ? (int) ChronoUnit.YEARS.between(child.dateOfBirth(), day)
                    : child.estimatedAge() != null ? child.estimatedAge() : 0;
            assertThat(Phrases.fitsAge(contact.referral().concern(), age))
                    .as(contact.referral().concern() + " at " + age).isTrue();
            for (var named : contact.referral().named()) {
                if (named.firstName() != null) {
                    assertThat(Phrases.FIRST_NAMES).contains(named.firstName());
                }
                assertThat(Phrases.LAST_NAMES).contains(named.lastName());
            }
        }
    }
}
