package io.schemaspring.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A fragment's template cut at its parameter markers: a {@code ?} outside single-quoted
 * string literals and not escaped as {@code \?}. An escaped one outside string literals,
 * a literal {@code ?} operator such as PostgreSQL's jsonb {@code ?}, stands in its part
 * as {@link Expr.Sql#LITERAL_QUESTION_MARK}, for the dialect to spell the way its driver
 * takes it; inside a string literal {@code \?} is text.
 */
final class FragmentTemplate {

    private FragmentTemplate() {
    }

    static List<String> parts(String template) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (!quoted && c == '\\' && i + 1 < template.length() && template.charAt(i + 1) == '?') {
                part.append(Expr.Sql.LITERAL_QUESTION_MARK);
                i++;
            }
            else if (!quoted && c == '?') {
                parts.add(part.toString());
                part.setLength(0);
            }
            else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

}
