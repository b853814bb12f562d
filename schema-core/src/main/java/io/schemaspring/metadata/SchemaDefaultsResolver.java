package io.schemaspring.metadata;

import io.schemaspring.annotation.FieldSourceMapper;
import io.schemaspring.annotation.Schema;
import io.schemaspring.annotation.SchemaDefaults;
import io.schemaspring.annotation.Timestamps;
import io.schemaspring.annotation.Toggle;
import io.schemaspring.type.FieldType;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;

/**
 * The defaults of one schema class with their precedence applied: class annotation, then
 * {@code @SchemaDefaults} (on a superclass or as a meta-annotation), then the application
 * settings, then Ecto's defaults. Field annotations are applied on top by the
 * introspector.
 */
final class SchemaDefaultsResolver {

    private final Class<?> schemaClass;

    private final SchemaSettings settings;

    private final @Nullable SchemaDefaults defaults;

    private final @Nullable Timestamps timestamps;

    SchemaDefaultsResolver(Class<?> schemaClass, SchemaSettings settings) {
        this.schemaClass = schemaClass;
        this.settings = settings;
        MergedAnnotations annotations = MergedAnnotations.from(schemaClass, SearchStrategy.TYPE_HIERARCHY);
        MergedAnnotation<SchemaDefaults> defaults = annotations.get(SchemaDefaults.class);
        this.defaults = defaults.isPresent() ? defaults.synthesize() : null;
        MergedAnnotation<Timestamps> timestamps = annotations.get(Timestamps.class);
        this.timestamps = timestamps.isPresent() ? timestamps.synthesize() : null;
    }

    @Nullable String prefix(@Nullable Schema schema) {
        return firstText(schema == null ? "" : schema.prefix(), fromDefaults(SchemaDefaults::prefix),
                this.settings.prefix());
    }

    @Nullable String context(@Nullable Schema schema) {
        return firstText(schema == null ? "" : schema.context(), fromDefaults(SchemaDefaults::context),
                this.settings.context());
    }

    String primaryKeyName() {
        return firstText(fromDefaults(SchemaDefaults::primaryKeyName), this.settings.primaryKeyName());
    }

    FieldType primaryKeyType() {
        FieldType type = this.defaults == null ? FieldType.DEFAULT : this.defaults.primaryKeyType();
        return type != FieldType.DEFAULT ? type : this.settings.primaryKeyType();
    }

    boolean primaryKeyAutogenerate() {
        Toggle toggle = this.defaults == null ? Toggle.DEFAULT : this.defaults.primaryKeyAutogenerate();
        return toggle == Toggle.DEFAULT ? this.settings.primaryKeyAutogenerate() : toggle == Toggle.TRUE;
    }

    FieldType foreignKeyType() {
        FieldType type = this.defaults == null ? FieldType.DEFAULT : this.defaults.foreignKeyType();
        return type != FieldType.DEFAULT ? type : this.settings.foreignKeyType();
    }

    /**
     * Whether the class declares timestamps (directly, inherited or through a
     * meta-annotation).
     */
    boolean hasTimestamps() {
        return this.timestamps != null;
    }

    boolean insertedAtEnabled() {
        return this.timestamps != null && this.timestamps.insertedAtEnabled();
    }

    boolean updatedAtEnabled() {
        return this.timestamps != null && this.timestamps.updatedAtEnabled();
    }

    /**
     * The {@code @Timestamps(generator = ...)} class, {@code null} when the repository's
     * clock is used.
     */
    @Nullable Class<?> timestampsGenerator() {
        if (this.timestamps != null && Generators.declared(this.timestamps.generator())) {
            return this.timestamps.generator();
        }
        if (this.defaults != null && Generators.declared(this.defaults.timestamps().generator())) {
            return this.defaults.timestamps().generator();
        }
        return null;
    }

    FieldType timestampsType() {
        FieldType type = timestampOption(Timestamps::type);
        return type != null ? type : this.settings.timestampsType();
    }

    String insertedAt() {
        return firstText(timestampText(Timestamps::insertedAt), this.settings.insertedAt());
    }

    String updatedAt() {
        return firstText(timestampText(Timestamps::updatedAt), this.settings.updatedAt());
    }

    @Nullable String insertedAtSource() {
        return firstText(timestampText(Timestamps::insertedAtSource), this.settings.insertedAtSource());
    }

    @Nullable String updatedAtSource() {
        return firstText(timestampText(Timestamps::updatedAtSource), this.settings.updatedAtSource());
    }

    FieldSourceMapper fieldSourceMapper() {
        if (this.defaults == null || this.defaults.fieldSourceMapper() == FieldSourceMapper.class) {
            return this.settings.fieldSourceMapper();
        }
        Class<? extends FieldSourceMapper> mapperClass = this.defaults.fieldSourceMapper();
        try {
            var constructor = mapperClass.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        }
        catch (ReflectiveOperationException | RuntimeException ex) {
            throw new SchemaDefinitionException(this.schemaClass, null,
                    "field source mapper " + mapperClass.getName() + " cannot be instantiated (" + ex + ")",
                    "give " + mapperClass.getSimpleName() + " a no-argument constructor");
        }
    }

    private @Nullable String fromDefaults(Function<SchemaDefaults, String> attribute) {
        return this.defaults == null ? null : attribute.apply(this.defaults);
    }

    private @Nullable String timestampText(Function<Timestamps, String> attribute) {
        String own = this.timestamps == null ? null : attribute.apply(this.timestamps);
        if (own != null && !own.isEmpty()) {
            return own;
        }
        return this.defaults == null ? null : attribute.apply(this.defaults.timestamps());
    }

    private @Nullable FieldType timestampOption(Function<Timestamps, FieldType> attribute) {
        if (this.timestamps != null && attribute.apply(this.timestamps) != FieldType.DEFAULT) {
            return attribute.apply(this.timestamps);
        }
        if (this.defaults != null && attribute.apply(this.defaults.timestamps()) != FieldType.DEFAULT) {
            return attribute.apply(this.defaults.timestamps());
        }
        return null;
    }

    private static @Nullable String firstText(@Nullable String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isEmpty()) {
                return candidate;
            }
        }
        return null;
    }

}
