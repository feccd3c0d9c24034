package org.mashlive.wallboard.intake;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.mashlive.board.api.Access;
import org.mashlive.board.api.Channel;
import org.mashlive.board.api.Flag;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Source;
import org.mashlive.referral.api.IntakeAnswer;
import org.mashlive.referral.api.IntakeRequest;
import org.mashlive.referral.api.ReferralDetail;
import org.mashlive.wallboard.ActingUser;
import org.mashlive.wallboard.BoardFeed;
import org.mashlive.wallboard.DutyBackend;
import org.mashlive.wallboard.DutyException;
import org.mashlive.wallboard.RagColumn;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The intake screen: a phone call or an email to the hub entered by the person who took it, with
 * the children it names, who referred, the concern, flags and consent. The backend checks it as
 * the REST API checks a contact and answers each child's new reference and earlier referrals (the
 * one place besides the duty detail where a child's history is shown; the backend audits it). Its
 * refusals are shown in the screen's words, naming the field.
 */
@Route("intake")
@RolesAllowed({Access.FRONT_DOOR, Access.DUTY_LEAD, Access.ADMIN})
@PageTitle("Intake · MASH live board")
@StyleSheet("styles/intake.css")
class IntakeView extends Main {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final Duration SHOWN = Duration.ofSeconds(10);

    private final DateTimeFormatter when;

    /** The parts of health a health contact can come from, as the API names them. */
    static final Map<String, String> HEALTH_TYPES = new LinkedHashMap<>();

    static {
        HEALTH_TYPES.put("GP", "GP");
        HEALTH_TYPES.put("ACUTE_TRUST", "Acute trust (hospital)");
        HEALTH_TYPES.put("COMMUNITY_HEALTH_VISITING", "Health visiting");
        HEALTH_TYPES.put("SCHOOL_NURSING", "School nursing");
        HEALTH_TYPES.put("CHILD_DEVELOPMENT_CENTRE", "Child development centre");
        HEALTH_TYPES.put("THERAPIES", "Therapies");
        HEALTH_TYPES.put("CAMHS", "CAMHS");
    }

    static final Map<String, String> CONSENT = new LinkedHashMap<>();

    static {
        CONSENT.put("GIVEN", "Given");
        CONSENT.put("REFUSED", "Refused");
        CONSENT.put("NOT_SOUGHT", "Not sought");
        CONSENT.put("OVERRIDDEN", "Overridden");
    }

    private final DutyBackend backend;
    private final ActingUser user;

    final Select<Channel> channel = new Select<>();
    final Select<Source> source = new Select<>();
    final Select<String> healthType = new Select<>();
    final Div children = new Div();
    final List<ChildRow> rows = new ArrayList<>();
    final Button addChild = new Button("Add a child");
    final TextField referrerName = new TextField("Referrer's name");
    final TextField referrerRole = new TextField("Role");
    final TextField referrerAgency = new TextField("Agency");
    final TextField referrerContact = new TextField("Telephone or email");
    final TextArea concern = new TextArea("Concern");
    final CheckboxGroup<Flag> flags = new CheckboxGroup<>("Flags");
    final com.vaadin.flow.component.checkbox.Checkbox informationOnly =
            new com.vaadin.flow.component.checkbox.Checkbox("For information only: no decision needed");
    final Select<String> consent = new Select<>();
    final TextField overrideReason = new TextField("Why consent was overridden");
    final Select<RagColumn> rag = new Select<>();
    final Button save = new Button("Take in");
    final Section result = new Section();
    private Notification notice;

    @Autowired
    IntakeView(DutyBackend backend, BoardFeed board) {
        this(backend, ActingUser.current().orElse(null), board.zone());
    }

    /** @param zone the hub's zone, in which the earlier referrals' days are shown */
    IntakeView(DutyBackend backend, ActingUser user, ZoneId zone) {
        this.backend = backend;
        this.user = user;
        this.when = DAY.withZone(zone);
        setId("intake");
        addClassName("intake");
        var title = new H1("Intake");
        // who is signed in is in the shell's header above
        var header = new Header(title);
        header.addClassName("intake-header");
        result.setId("intake-result");
        result.addClassName("intake-result");
        result.setVisible(false);
        var form = new Section(contactFields(), childrenFields(), referrerFields(), concernFields(), actions());
        form.addClassName("intake-form");
        add(header, new Div(form, result));
        addChild();
    }

    private Div contactFields() {
        channel.setId("intake-channel");
        channel.setLabel("Came in by");
        channel.setItems(Channel.PHONE, Channel.EMAIL);
        channel.setItemLabelGenerator(value -> value == Channel.PHONE ? "Phone" : "Email");
        channel.setValue(Channel.PHONE);
        source.setId("intake-source");
        source.setLabel("Source");
        source.setItems(Source.values());
        source.setItemLabelGenerator(Source::label);
        source.setPlaceholder("Who is it from?");
        healthType.setId("intake-health-type");
        healthType.setLabel("Part of health");
        healthType.setItems(HEALTH_TYPES.keySet());
        healthType.setItemLabelGenerator(value -> value == null ? "Not known" : HEALTH_TYPES.get(value));
        healthType.setEmptySelectionAllowed(true);
        healthType.setEmptySelectionCaption("Not known");
        healthType.setVisible(false);
        source.addValueChangeListener(change -> {
            healthType.setVisible(change.getValue() == Source.HEALTH);
            if (change.getValue() != Source.HEALTH) {
                healthType.clear();
            }
        });
        var fields = new Div(channel, source, healthType);
        fields.addClassName("intake-row");
        return fields;
    }

    private Div childrenFields() {
        var heading = new H2("Children");
        children.setId("intake-children");
        addChild.setId("intake-add-child");
        addChild.addClickListener(click -> addChild());
        var fields = new Div(heading, children, addChild);
        fields.addClassName("intake-children");
        return fields;
    }

    private Div referrerFields() {
        referrerName.setId("intake-referrer-name");
        referrerRole.setId("intake-referrer-role");
        referrerAgency.setId("intake-referrer-agency");
        referrerContact.setId("intake-referrer-contact");
        var fields = new Div(new H2("Who referred"), new Div(referrerName, referrerRole, referrerAgency, referrerContact));
        fields.getChildren().skip(1).findFirst().ifPresent(row -> ((Div) row).addClassName("intake-row"));
        return fields;
    }

    private Div concernFields() {
        concern.setId("intake-concern");
        concern.setMaxLength(4000);
        concern.setWidthFull();
        flags.setId("intake-flags");
        flags.setItems(Flag.values());
        flags.setItemLabelGenerator(Flag::label);
        consent.setId("intake-consent");
        consent.setLabel("Consent");
        consent.setItems(CONSENT.keySet());
        consent.setItemLabelGenerator(CONSENT::get);
        consent.setValue("NOT_SOUGHT");
        overrideReason.setId("intake-override-reason");
        overrideReason.setVisible(false);
        consent.addValueChangeListener(change -> overrideReason.setVisible("OVERRIDDEN".equals(change.getValue())));
        rag.setId("intake-rag");
        rag.setLabel("RAG");
        rag.setItems(RagColumn.RED, RagColumn.AMBER, RagColumn.GREEN);
        rag.setItemLabelGenerator(value -> value == null ? "Rate at screening" : value.label());
        rag.setEmptySelectionAllowed(true);
        rag.setEmptySelectionCaption("Rate at screening");
        informationOnly.setId("intake-information-only");
        var row = new Div(consent, overrideReason, rag);
        row.addClassName("intake-row");
        return new Div(new H2("The concern"), concern, flags, row, informationOnly);
    }

    private Div actions() {
        save.setId("intake-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        var actions = new Div(save);
        actions.addClassName("intake-actions");
        return actions;
    }

    void addChild() {
        var row = new ChildRow(rows.size());
        rows.add(row);
        children.add(row);
    }

    private void removeChild(ChildRow row) {
        rows.remove(row);
        children.remove(row);
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).number(i);
        }
    }

    /** Sends the contact as the signed-in person and shows what the backend answers. */
    void save() {
        if (user == null) {
            notice("Your sign-in has no backend session: sign out and sign in again", true);
            return;
        }
        try {
            var answer = backend.takeIn(user, request());
            show(answer);
            notice("Taken in: " + String.join(", ", answer.children().stream().map(IntakeAnswer.Taken::reference)
                    .toList()), false);
            clear();
        } catch (DutyException e) {
            // the backend's words, with the fields named as this screen names them
            notice(inWords(e.getMessage()), true);
        }
    }

    IntakeRequest request() {
        var referrer = new ReferralDetail.Referrer(text(referrerName), text(referrerRole), text(referrerAgency),
                text(referrerContact));
        boolean anyReferrer = referrer.name() != null || referrer.role() != null || referrer.agency() != null
                || referrer.contact() != null;
        return new IntakeRequest(channel.getValue(), source.getValue(), healthType.getValue(),
                rows.stream().map(ChildRow::entry).toList(), text(concern),
                rag.getValue() == null ? null : Rag.valueOf(rag.getValue().name()), flags.getValue(),
                consent.getValue(), text(overrideReason), anyReferrer ? referrer : null,
                informationOnly.getValue() ? Boolean.TRUE : null);
    }

    private static String text(com.vaadin.flow.component.HasValue<?, String> field) {
        String value = field.getValue();
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static final Pattern CHILD_FIELD = Pattern.compile("children\\[(\\d+)]\\.?(\\w*)");
    private static final Map<String, String> FIELD_WORDS = Map.ofEntries(
            Map.entry("firstName", "first name"), Map.entry("lastName", "family name"),
            Map.entry("dateOfBirth", "date of birth"), Map.entry("estimatedAge", "estimated age"),
            Map.entry("expectedDeliveryDate", "expected date of delivery"));

    /** "children[1].lastName: must not be blank" reads "Child 2 family name: must not be blank". */
    static String inWords(String message) {
        var matcher = CHILD_FIELD.matcher(message);
        var words = new StringBuilder();
        while (matcher.find()) {
            int child = Integer.parseInt(matcher.group(1)) + 1;
            String field = matcher.group(2).isEmpty() ? "" : " " + FIELD_WORDS.getOrDefault(matcher.group(2),
                    matcher.group(2));
            matcher.appendReplacement(words, java.util.regex.Matcher.quoteReplacement("Child " + child + field));
        }
        matcher.appendTail(words);
        return words.toString();
    }

    private void clear() {
        new ArrayList<>(rows).forEach(this::removeChild);
        addChild();
        source.clear();
        List.of(referrerName, referrerRole, referrerAgency, referrerContact, overrideReason).forEach(TextField::clear);
        concern.clear();
        flags.clear();
        informationOnly.clear();
        consent.setValue("NOT_SOUGHT");
        rag.clear();
    }

    /** Each child's new reference and its earlier referrals, newest first. */
    private void show(IntakeAnswer answer) {
        result.removeAll();
        result.add(new H2("Taken in"));
        int i = 0;
        for (var taken : answer.children()) {
            var child = new Div();
            child.setId("intake-taken-" + i);
            child.addClassName("intake-taken");
            var heading = new H3(taken.reference() + " · " + taken.initials() + (taken.created() ? "" : " (entered before)"));
            heading.setId("intake-taken-reference-" + i);
            var earlier = new UnorderedList();
            earlier.setId("intake-earlier-" + i);
            earlier.addClassName("intake-earlier");
            for (var before : taken.earlier()) {
                earlier.add(new ListItem(before.reference() + " · " + when.format(before.receivedAt()) + " · "
                        + before.source().label() + " · "
                        + (before.outcome() != null ? before.outcome().label() : before.stage().label())
                        + (before.exact() ? "" : " · likely the same child: check")));
            }
            var none = new Paragraph(taken.earlier().isEmpty() ? "No earlier contacts of this child." : "Earlier contacts:");
            child.add(heading, none, earlier);
            result.add(child);
            i++;
        }
        result.setVisible(true);
    }

    private void notice(String text, boolean error) {
        if (notice != null) {
            notice.close();
        }
        notice = new Notification(text, (int) SHOWN.toMillis(), Notification.Position.TOP_CENTER);
        notice.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
        notice.addClassName("intake-notice");
        notice.getElement().setAttribute("role", error ? "alert" : "status");
        notice.open();
    }

    /** The notification showing now, if any. */
    Notification notice() {
        return notice != null && notice.isOpened() ? notice : null;
    }

    /** One child's fields: names, and one of a date of birth, an estimated age or a due date. */
    final class ChildRow extends Div {

        final TextField firstName = new TextField("First name, if known");
        final TextField lastName = new TextField("Family name");
        final DatePicker dateOfBirth = new DatePicker("Date of birth");
        final IntegerField estimatedAge = new IntegerField("Or estimated age");
        final DatePicker expected = new DatePicker("Or, unborn, expected");
        final Button remove = new Button("Remove");

        ChildRow(int index) {
            addClassName("intake-child");
            dateOfBirth.setLocale(Locale.UK);
            expected.setLocale(Locale.UK);
            estimatedAge.setMin(0);
            estimatedAge.setMax(17);
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            remove.addClickListener(click -> {
                if (rows.size() > 1) {
                    removeChild(this);
                }
            });
            number(index);
            add(firstName, lastName, dateOfBirth, estimatedAge, expected, remove);
        }

        void number(int index) {
            String id = "intake-child-" + index;
            setId(id);
            firstName.setId(id + "-first");
            lastName.setId(id + "-last");
            dateOfBirth.setId(id + "-dob");
            estimatedAge.setId(id + "-age");
            expected.setId(id + "-due");
            remove.setId(id + "-remove");
            remove.setAriaLabel("Remove child " + (index + 1));
        }

        IntakeRequest.ChildEntry entry() {
            return new IntakeRequest.ChildEntry(text(firstName), lastName.getValue(), dateOfBirth.getValue(),
                    estimatedAge.getValue(), expected.getValue());
        }
    }
}
