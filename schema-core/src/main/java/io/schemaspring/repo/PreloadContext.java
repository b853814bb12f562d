package io.schemaspring.repo;

import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.repo.dialect.Dialect;
import io.schemaspring.repo.internal.mapping.SchemaMapping;
import io.schemaspring.repo.internal.sql.SqlRenderer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the {@link Preloader} needs from the repository it works for, and nothing more.
 */
interface PreloadContext extends SchemaMappings {

    /**
     * The mapping of a schema whose associations are preloaded: an embedded schema's too.
     */
    SchemaMapping preloadMapping(Class<?> type);

    JdbcTemplate jdbc();

    SqlRenderer renderer();

    Dialect dialect();

    StructStates states();

    /** Cached SQL of a statement about one association of a schema. */
    String statement(Class<?> schema, @Nullable String prefix, String association, String kind, Object shape,
            Supplier<String> render);

    /**
     * Where a struct is stored, as far as anything knows, else its schema's default
     * prefix.
     */
    @Nullable String prefixOf(Object struct);

    /**
     * The prefix of associated rows: the owner's when it is a tenant's, else the related
     * schema's own default.
     */
    @Nullable String childPrefix(@Nullable String ownerPrefix, SchemaMetadata owner, SchemaMetadata related);

}
