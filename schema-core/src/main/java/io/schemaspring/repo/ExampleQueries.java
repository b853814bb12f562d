package io.schemaspring.repo;

import io.schemaspring.metadata.SchemaMetadata;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Example;
import org.springframework.data.domain.ExampleMatcher;
import org.springframework.data.domain.ExampleMatcher.PropertySpecifier;
import org.springframework.data.domain.ExampleMatcher.StringMatcher;

/**
 * Query by Example into {@link Query}: each column field of the probe that holds a value (primitive
 * fields always do, as in Spring Data) becomes an equality, or a {@code LIKE} for the starting,
 * ending and containing string matchers; ignored paths are skipped, nulls are skipped or
 * matched with {@code IS NULL} as the matcher says.
 */
final class ExampleQueries {

    private ExampleQueries() {
    }

    static <T> Query<T> where(Query<T> base, Example<? extends T> example, SchemaMetadata metadata) {
        ExampleMatcher matcher = example.getMatcher();
        if (matcher.isAnyMatching()) {
            throw unsupported("matchingAny() needs Query.orWhere, which this version of the query layer does not offer");
        }
        Query<T> query = base;
        for (String field : metadata.fields()) {
            if (metadata.fieldSource(field) == null || metadata.embeds().contains(field) || matcher.isIgnoredPath(field)) {
                continue;
            }
            PropertySpecifier specifier = matcher.getPropertySpecifiers().getForPath(field);
            Object raw = metadata.field(field).accessor().get(example.getProbe());
            Object value = specifier == null ? raw : specifier.transformValue(Optional.ofNullable(raw)).orElse(null);
            if (value == null) {
                query = matcher.getNullHandler() == ExampleMatcher.NullHandler.INCLUDE ? query.whereNull(field) : query;
                continue;
            }
            query = match(query, field, value, matcher, specifier);
        }
        return query;
    }

    private static <T> Query<T> match(Query<T> query, String field, Object value, ExampleMatcher matcher,
            @Nullable PropertySpecifier specifier) {
        if (!(value instanceof String text)) {
            return query.where(field, value);
        }
        boolean ignoreCase = matcher.isIgnoreCaseEnabled()
                || (specifier != null && Boolean.TRUE.equals(specifier.getIgnoreCase()));
        if (ignoreCase) {
            throw unsupported("ignoring case on :" + field + " needs Op.ILIKE, which this version of the query layer does not offer");
        }
        StringMatcher stringMatcher = specifier != null && specifier.getStringMatcher() != null ? specifier.getStringMatcher()
                : matcher.getDefaultStringMatcher();
        String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return switch (stringMatcher) {
            case DEFAULT, EXACT -> query.where(field, value);
            case STARTING -> query.where(field, Query.Op.LIKE, escaped + "%");
            case ENDING -> query.where(field, Query.Op.LIKE, "%" + escaped);
            case CONTAINING -> query.where(field, Query.Op.LIKE, "%" + escaped + "%");
            case REGEX -> throw unsupported("the REGEX string matcher on :" + field + " has no translation into Query");
        };
    }

    private static InvalidDataAccessApiUsageException unsupported(String reason) {
        return new InvalidDataAccessApiUsageException("Query by Example: " + reason
                + "; use exact, starting, ending or containing matches with matchingAll(), or build a Query");
    }
}
