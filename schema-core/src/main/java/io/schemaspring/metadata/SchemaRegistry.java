package io.schemaspring.metadata;

import io.schemaspring.metadata.Introspection.Referenced;
import io.schemaspring.type.SchemaTypes;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every schema of the application, introspected and validated once. Build it with
 * {@link #builder()} (no Spring needed) or let the auto-configuration build it from
 * {@code schema.packages}. Classes that registered schemas point to (association targets,
 * join schemas, embeds) are registered too.
 */
public final class SchemaRegistry {

    private static final ClassValue<SchemaMetadata> STANDALONE = new ClassValue<>() {
        @Override
        protected SchemaMetadata computeValue(Class<?> type) {
            return builder().add(type).build().get(type);
        }
    };

    private final Map<Class<?>, SchemaMetadata> schemas;

    private final SchemaSettings settings;

    private final SchemaTypes types;

    private SchemaRegistry(Map<Class<?>, SchemaMetadata> schemas, SchemaSettings settings, SchemaTypes types) {
        this.schemas = Collections.unmodifiableMap(schemas);
        this.settings = settings;
        this.types = types;
    }

    /**
     * A builder with {@link SchemaSettings#defaults()}, no custom types and no schemas
     * yet.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The metadata of a registered schema.
     * @throws IllegalArgumentException when the class is not registered, saying how to
     * register it
     */
    public SchemaMetadata get(Class<?> schemaClass) {
        SchemaMetadata metadata = this.schemas.get(schemaClass);
        if (metadata == null) {
            throw new IllegalArgumentException(schemaClass.getName() + " is not a registered schema: annotate it with "
                    + "@Schema or @EmbeddedSchema and keep it below schema.packages (or add it to the registry builder)");
        }
        return metadata;
    }

    /** The metadata of a schema, or {@code null} when the class is not registered. */
    public @Nullable SchemaMetadata find(Class<?> schemaClass) {
        return this.schemas.get(schemaClass);
    }

    /** The settings the registry was built with. */
    public SchemaSettings settings() {
        return this.settings;
    }

    /** The application's custom types the registry was built with. */
    public SchemaTypes types() {
        return this.types;
    }

    /**
     * Whether the class is registered: added, found by scanning, or pointed to by a
     * registered schema; {@link #get(Class)} answers for it exactly then.
     */
    public boolean contains(Class<?> schemaClass) {
        return this.schemas.containsKey(schemaClass);
    }

    /**
     * The metadata of a class on its own, introspected once with Ecto's defaults and no
     * application settings: what the static {@code Changeset.cast(data, ...)} and
     * {@code Changeset.change(data)} use. An application's settings live in its registry:
     * cast with the {@code Changesets} bean or {@code Changeset.cast(metadata, ...)} to
     * have them apply.
     */
    public static SchemaMetadata standalone(Class<?> schemaClass) {
        return STANDALONE.get(schemaClass);
    }

    /** Every registered schema, embedded ones included, in registration order. */
    public Collection<SchemaMetadata> all() {
        return this.schemas.values();
    }

    @Override
    public String toString() {
        return "SchemaRegistry[" + this.schemas.size() + " schemas]";
    }

    /**
     * Collects the schemas, settings and types of a registry; {@link #build()}
     * introspects them.
     */
    public static final class Builder {

        private SchemaSettings settings = SchemaSettings.defaults();

        private SchemaTypes types = SchemaTypes.none();

        private final Set<Class<?>> classes = new LinkedHashSet<>();

        private final Set<String> packages = new LinkedHashSet<>();

        private @Nullable ClassLoader classLoader;

        private java.util.function.Function<Class<?>, @Nullable Object> generatorBeans = type -> null;

        private Builder() {
        }

        /**
         * The application-wide defaults the schemas are read with;
         * {@link SchemaSettings#defaults()} unless set.
         */
        public Builder settings(SchemaSettings settings) {
            this.settings = Objects.requireNonNull(settings, "Settings must not be null");
            return this;
        }

        /**
         * The custom types of the whole application, used by fields of their Java types
         * without a field annotation.
         */
        public Builder types(SchemaTypes types) {
            this.types = Objects.requireNonNull(types, "Types must not be null");
            return this;
        }

        /**
         * Registers these {@code @Schema} and {@code @EmbeddedSchema} classes, with the
         * classes they point to.
         */
        public Builder add(Class<?>... schemaClasses) {
            this.classes.addAll(List.of(schemaClasses));
            return this;
        }

        /**
         * Registers every {@code @Schema} and {@code @EmbeddedSchema} class below these
         * packages.
         */
        public Builder scan(String... basePackages) {
            this.packages.addAll(List.of(basePackages));
            return this;
        }

        /**
         * Where {@code @Field(generator = ...)} and {@code @Timestamps(generator = ...)}
         * classes are looked up first: the lookup answers the application's instance of a
         * generator class, or {@code null} to have a new instance made (Spring Boot
         * answers the unique bean of that type).
         */
        public Builder generatorBeans(java.util.function.Function<Class<?>, @Nullable Object> lookup) {
            this.generatorBeans = Objects.requireNonNull(lookup, "Lookup must not be null");
            return this;
        }

        /**
         * The class loader {@link #scan(String...)} finds and loads classes with;
         * {@code null} (the default) for the one that loaded {@code SchemaRegistry}.
         */
        public Builder classLoader(@Nullable ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        /**
         * Introspects and validates every schema.
         * @throws SchemaDefinitionException on the first definition error, naming class,
         * field and fix
         */
        public SchemaRegistry build() {
            Set<Class<?>> roots = new LinkedHashSet<>(this.classes);
            if (!this.packages.isEmpty()) {
                ClassLoader loader = this.classLoader != null ? this.classLoader
                        : SchemaRegistry.class.getClassLoader();
                roots.addAll(new SchemaScanner(loader).scan(this.packages));
            }
            SchemaIntrospector introspector = new SchemaIntrospector(this.settings, this.types,
                    new Generators(this.generatorBeans));
            Map<Class<?>, Introspection> introspections = new LinkedHashMap<>();
            Deque<Referenced> pending = new ArrayDeque<>();
            roots.forEach(root -> pending.add(new Referenced(root, false)));
            while (!pending.isEmpty()) {
                Referenced next = pending.poll();
                if (introspections.containsKey(next.type())) {
                    continue;
                }
                Introspection introspection = introspector.introspect(next.type(), next.inlineEmbed());
                introspections.put(next.type(), introspection);
                pending.addAll(introspection.referenced());
            }
            new AssociationResolver(introspections).resolveAll();
            for (Introspection introspection : introspections.values()) {
                SchemaMetadata metadata = introspection.metadata();
                Map<String, SchemaMetadata> defaultStructs = new LinkedHashMap<>();
                metadata.embeds()
                    .stream()
                    .map(metadata::embed)
                    .filter(EmbedMetadata::defaultsToStruct)
                    .forEach(
                            embed -> defaultStructs.put(embed.field(), introspections.get(embed.related()).metadata()));
                metadata.defaultStructs(defaultStructs);
            }
            Map<Class<?>, SchemaMetadata> schemas = new LinkedHashMap<>();
            introspections.forEach((type, introspection) -> schemas.put(type, introspection.metadata()));
            SchemaRegistry registry = new SchemaRegistry(schemas, this.settings, this.types);
            schemas.values().forEach(metadata -> metadata.registry(registry));
            return registry;
        }

    }

}
