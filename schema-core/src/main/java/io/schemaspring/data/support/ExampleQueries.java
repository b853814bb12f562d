package io.schemaspring.data.support;

import io.schemaspring.query.Expr;
import io.schemaspring.query.Query;
import io.schemaspring.metadata.SchemaMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Example;
import org.springframework.data.domain.ExampleMatcher;
import org.springframework.data.domain.ExampleMatcher.PropertySpecifier;
import org.springframework.data.domain.ExampleMatcher.StringMatcher;

/**
 * Query by Example into {@link Query}: each column field of the probe that holds a value
 * (primitive fields always do, as in Spring Data) becomes an equality, or a {@code LIKE}
 * ({@code ILIKE} when ignoring case) for the starting, ending and containing string
 * matchers; ignored paths are skipped, nulls are skipped or matched with {@code IS NULL}
 * as the matcher says; the conditions are ANDed, or ORed for {@code matchingAny()}.
 */
final class ExampleQueries {

    private ExampleQueries() {
    }

    static <T> Query<T> where(Query<T> base, Example<? extends T> example, SchemaMetadata metadata) {
        ExampleMatcher matcher = example.getMatcher();
        List<Expr> conditions = new ArrayList<>();
        for (String field : metadata.fields()) {
            if (metadata.fieldSource(field) == null || metadata.embeds().contains(field)
                    || matcher.isIgnoredPath(field)) {
                continue;
            }
            PropertySpecifier specifier = matcher.getPropertySpecifiers().getForPath(field);
            Object raw = metadata.field(field).accessor().get(example.getProbe());
            Object value = specifier == null ? raw : specifier.transformValue(Optional.ofNullable(raw)).orElse(null);
            if (value == null) {
                if (matcher.getNullHandler() == ExampleMatcher.NullHandler.INCLUDE) {
                    conditions.add(Expr.isNull(field));
                }
                continue;
            }
            conditions.add(match(field, value, matcher, specifier));
        }
        if (conditions.isEmpty()) {
            return base;
        }
        Expr[] all = conditions.toArray(Expr[]::new);
        return base.where(all.length == 1 ? all[0] : matcher.isAnyMatching() ? Expr.or(all) : Expr.and(all));
    }

    private static Expr match(String field, Object value, ExampleMatcher matcher,
            @Nullable PropertySpecifier specifier) {
        if (!(value instanceof String text)) {
            return Expr.eq(field, value);
        }
        boolean ignoreCase = matcher.isIgnoreCaseEnabled()
                || (specifier != null && Boolean.TRUE.equals(specifier.getIgnoreCase()));
        Query.Op like = ignoreCase ? Query.Op.ILIKE : Query.Op.LIKE;
        StringMatcher stringMatcher = specifier != null && specifier.getStringMatcher() != null
                ? specifier.getStringMatcher() : matcher.getDefaultStringMatcher();
        String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return switch (stringMatcher) {
            case DEFAULT, EXACT -> ignoreCase ? Expr.compare(field, like, escaped) : Expr.eq(field, value);
            case STARTING -> Expr.compare(field, like, escaped + "%");
            case ENDING -> Expr.compare(field, like, "%" + escaped);
            case CONTAINING -> Expr.compare(field, like, "%" + escaped + "%");
            case REGEX ->
                throw new InvalidDataAccessApiUsageException("Query by Example: the REGEX string matcher on :" + field
                        + " has no portable SQL; use exact, starting, ending or containing matches, or build a Query");
        };
    }

}
