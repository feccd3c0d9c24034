package org.mashlive.platform;

/**
 * The one rule for text taken in by any route, REST or RSocket: no character that PostgreSQL's
 * {@code text} refuses (U+0000) and none that has no place in what people type. Refused are the C0
 * control characters (tab, line feed and carriage return only in free text that may span lines),
 * DEL and the C1 controls, a half of a surrogate pair without its other half, and the
 * non-characters U+FFFE and U+FFFF. Each check throws an {@link InvalidInputException} naming the
 * field and the first character refused by its code point, never echoing the text itself.
 */
public final class Text {

    private Text() {
    }

    /**
     * Checks a one-line value: a name, a team, a reference.
     *
     * @return {@code value}, unchanged (null stays null)
     * @throws InvalidInputException naming {@code field} when it holds a character refused
     */
    public static String line(String field, String value) {
        return check(field, value, false);
    }

    /**
     * Checks free text that may span lines (a concern, a reason, a summary): as {@link #line}, but
     * tab, line feed and carriage return are allowed.
     *
     * @return {@code value}, unchanged (null stays null)
     * @throws InvalidInputException naming {@code field} when it holds a character refused
     */
    public static String lines(String field, String value) {
        return check(field, value, true);
    }

    private static String check(String field, String value, boolean multiline) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            String refused = refused(c, multiline);
            if (refused != null) {
                throw new InvalidInputException(field, "must not contain " + refused + ", as character " + (i + 1));
            }
        }
        return value;
    }

    /** What the character is, when refused; null when allowed. */
    private static String refused(char c, boolean multiline) {
        if (c == '\u0000') {
            return "the NUL character (U+0000)";
        }
        if (c == '\t' || c == '\n' || c == '\r') {
            return multiline ? null : "a tab or line break " + codePoint(c) + " (it is one line)";
        }
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return "the control character " + codePoint(c);
        }
        if (Character.isSurrogate(c)) {
            return "half of a surrogate pair " + codePoint(c) + " (the text is not valid Unicode)";
        }
        if (c == '\uFFFE' || c == '\uFFFF') {
            return "the non-character " + codePoint(c);
        }
        return null;
    }

    private static String codePoint(char c) {
        return String.format("(U+%04X)", (int) c);
    }
}
