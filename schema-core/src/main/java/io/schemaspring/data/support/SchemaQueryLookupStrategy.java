package io.schemaspring.data.support;

import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.repo.Repo;
import io.schemaspring.data.RepositoryDefinitionException;
import io.schemaspring.data.SchemaRepository;
import io.schemaspring.data.SqlQuery;
import java.lang.reflect.Method;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.core.PropertyReferenceException;
import org.springframework.data.projection.ProjectionFactory;
import org.springframework.data.repository.core.NamedQueries;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;
import org.springframework.data.repository.query.parser.PartTree;

/**
 * Resolves each query method of a repository interface when the repository is created: an
 * {@link SqlQuery} method, else a query derived from the method name. Any problem is a
 * {@link RepositoryDefinitionException} naming interface, method and property.
 */
final class SchemaQueryLookupStrategy implements QueryLookupStrategy {

    private final Repo repo;

    private final Function<Class<?>, SchemaRepository<?, Object>> repositories;

    private final @Nullable String prefix;

    SchemaQueryLookupStrategy(Repo repo, Function<Class<?>, SchemaRepository<?, Object>> repositories,
            @Nullable String prefix) {
        this.prefix = prefix;
        this.repo = repo;
        this.repositories = repositories;
    }

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public RepositoryQuery resolveQuery(Method method, RepositoryMetadata metadata, ProjectionFactory factory,
            NamedQueries namedQueries) {
        SchemaMetadata schema = this.repo.registry().get(metadata.getDomainType());
        DerivedQuery.Target target = new DerivedQuery.Target(metadata.getRepositoryInterface(), method, schema);
        QueryMethod queryMethod;
        try {
            queryMethod = new QueryMethod(method, metadata, factory);
        }
        catch (IllegalStateException | IllegalArgumentException ex) {
            throw target.error(null, ex.getMessage(),
                    "change the method's parameters or return type as the reason says");
        }
        Projections projections = new Projections(schema);
        projections.check(queryMethod.getResultProcessor().getReturnedType(), target);
        SqlQuery sql = AnnotatedElementUtils.findMergedAnnotation(method, SqlQuery.class);
        if (sql != null) {
            return new SqlSchemaQuery(queryMethod, sql, this.repo, projections, target, this.prefix);
        }
        PartTree tree;
        try {
            tree = new PartTree(method.getName(), metadata.getDomainType());
        }
        catch (PropertyReferenceException ex) {
            throw unknownProperty(target, ex);
        }
        catch (IllegalArgumentException ex) {
            throw target.error(null, "the name is not a derived query: " + ex.getMessage(), FIX);
        }
        DerivedQuery<?> derived = DerivedQuery.of(tree, target);
        return new PartTreeSchemaQuery(queryMethod, derived, this.repositories.apply(metadata.getDomainType()),
                projections);
    }

    private static final String FIX = "name fields of the schema (findByEmail, findByTitleAndPublishedTrue), "
            + "or declare it as a default method built on query(), or annotate it with @SqlQuery";

    private static RepositoryDefinitionException unknownProperty(DerivedQuery.Target target,
            PropertyReferenceException ex) {
        String name = ex.getPropertyName();
        return target.error(name,
                target.schemaName() + " has no field :" + name + " (" + target.schema().describeFields() + ")", FIX);
    }

}
