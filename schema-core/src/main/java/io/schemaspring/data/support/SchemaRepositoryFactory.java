package io.schemaspring.data.support;

import io.schemaspring.repo.Repo;
import io.schemaspring.data.SchemaRepository;
import io.schemaspring.data.support.SimpleSchemaRepository;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.data.repository.core.EntityInformation;
import org.springframework.data.repository.core.RepositoryInformation;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.core.support.RepositoryComposition.RepositoryFragments;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.ValueExpressionDelegate;

/**
 * Spring Data's repository factory for interfaces extending {@link SchemaRepository}: the
 * inherited methods go to a {@link SimpleSchemaRepository}, default methods run as
 * written, fragments to their implementations, and every other method is a derived query
 * ({@code findByEmail}) or an {@code @SqlQuery}, checked when the repository is created.
 *
 * <pre>{@code
 * PostRepository posts = new SchemaRepositoryFactory(repo).getRepository(PostRepository.class);
 * }</pre>
 */
public class SchemaRepositoryFactory extends RepositoryFactorySupport {

    private final Repo repo;

    private final @Nullable String prefix;

    private RepositoryFragments fragments = RepositoryFragments.empty();

    /**
     * A factory whose repositories are bound to no prefix: they read and write in each
     * schema's default database schema.
     */
    public SchemaRepositoryFactory(Repo repo) {
        this(repo, null);
    }

    /**
     * A factory whose repositories, derived queries included, read and write in a
     * database schema.
     */
    public SchemaRepositoryFactory(Repo repo, @Nullable String prefix) {
        this.repo = Objects.requireNonNull(repo, "Repo must not be null");
        this.prefix = prefix;
        addRepositoryProxyPostProcessor((proxy, information) -> proxy.addAdvice(
                new PrefixInterceptor(this.repo, information.getRepositoryInterface(), this.fragments, this.prefix)));
    }

    /**
     * The schema class of a repository interface, from its
     * {@code SchemaRepository<T, ID>} generics.
     */
    public static Class<?> schemaOf(Class<?> repositoryInterface) {
        Class<?> schema = ResolvableType.forClass(repositoryInterface)
            .as(SchemaRepository.class)
            .getGeneric(0)
            .resolve();
        if (schema == null) {
            throw new IllegalStateException(repositoryInterface.getName() + " must name its schema: extend "
                    + "SchemaRepository<YourSchema, IdType>");
        }
        return schema;
    }

    @Override
    public <T> T getRepository(Class<T> repositoryInterface, RepositoryFragments fragments) {
        this.fragments = fragments;
        return super.getRepository(repositoryInterface, fragments);
    }

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <T, ID> EntityInformation<T, ID> getEntityInformation(Class<T> domainClass) {
        return new SchemaEntityInformation(domainClass, Object.class, this.repo.registry().get(domainClass));
    }

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public EntityInformation<?, ?> getEntityInformation(RepositoryMetadata metadata) {
        return new SchemaEntityInformation(metadata.getDomainType(), metadata.getIdType(),
                this.repo.registry().get(metadata.getDomainType()));
    }

    @Override
    protected Object getTargetRepository(RepositoryInformation information) {
        return target(information.getDomainType());
    }

    private <T> SchemaRepository<T, Object> target(Class<T> schema) {
        SchemaRepository<T, Object> repository = new SimpleSchemaRepository<>(this.repo, schema);
        return this.prefix == null ? repository : repository.withPrefix(this.prefix);
    }

    @Override
    protected Class<?> getRepositoryBaseClass(RepositoryMetadata metadata) {
        return SimpleSchemaRepository.class;
    }

    @Override
    protected Optional<QueryLookupStrategy> getQueryLookupStrategy(QueryLookupStrategy.@Nullable Key key,
            ValueExpressionDelegate delegate) {
        return Optional.of(new SchemaQueryLookupStrategy(this.repo, this::target, this.prefix));
    }

}
