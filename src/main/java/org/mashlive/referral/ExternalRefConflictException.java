package org.mashlive.referral;

import java.util.List;

/**
 * A contact sent under an {@code externalRef} that another contact already has: refused whole,
 * answered with 409. It names the fields that differ and the existing referral's reference, and
 * nothing else of that referral, so a sender learns no more than that its reference is taken.
 */
public class ExternalRefConflictException extends RuntimeException {

    private final String externalRef;
    private final String reference;
    private final List<String> fields;

    ExternalRefConflictException(String externalRef, String reference, List<String> fields) {
        super("externalRef " + externalRef + " is already " + reference + ", a different contact: "
                + String.join(", ", fields) + (fields.size() == 1 ? " differs" : " differ")
                + ". Nothing was recorded; send this contact with its own externalRef,"
                + " or tell the hub about the change to " + reference + ".", null, false, false);
        this.externalRef = externalRef;
        this.reference = reference;
        this.fields = List.copyOf(fields);
    }

    /** The external reference both contacts carry. */
    public String externalRef() {
        return externalRef;
    }

    /** The reference of the referral that has it. */
    public String reference() {
        return reference;
    }

    /** The fields, by JSON path, in which this contact differs from that one. */
    public List<String> fields() {
        return fields;
    }
}
