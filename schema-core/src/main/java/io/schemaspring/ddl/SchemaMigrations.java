package io.schemaspring.ddl;

import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.repo.dialect.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Ecto's {@code mix ecto.gen.migration}, written from the schemas: a migration of the
 * differences {@link SchemaValidator} finds between the schemas and a live database
 * (tables missing, columns missing, column types that no longer fit), as a Flyway file.
 * Review it before it runs: a column type change can need a {@code USING} clause or a
 * data migration, and renames show as a new column.
 */
public final class SchemaMigrations {

    private static final Pattern DESCRIPTION = Pattern.compile("[A-Za-z0-9_ ]+");

    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private SchemaMigrations() {
    }

    /**
     * The statements that bring the database to the schemas, each after a comment naming
     * the difference it fixes; empty when they match.
     */
    public static String script(SchemaRegistry registry, DataSource dataSource, Dialect dialect) throws SQLException {
        StringBuilder script = new StringBuilder();
        // New tables in the order that creates referenced tables first, then the other
        // fixes.
        List<String> creations = SchemaDdl.create(registry, dialect);
        List<SchemaValidator.Mismatch> mismatches = new ArrayList<>(
                SchemaValidator.validate(registry, dataSource, dialect).mismatches());
        mismatches.sort(Comparator.comparingInt(mismatch -> {
            int index = creations.indexOf(mismatch.fix());
            return index < 0 ? Integer.MAX_VALUE : index;
        }));
        for (SchemaValidator.Mismatch mismatch : mismatches) {
            script.append("-- ").append(mismatch.problem()).append('\n').append(mismatch.fix()).append(";\n\n");
        }
        return script.toString();
    }

    /**
     * Writes {@link #script} into {@code directory} as Flyway's
     * {@code V<yyyyMMddHHmmss>__<description>.sql}, its version the {@code clock}'s UTC
     * time; answers the file, or {@code null} (and writes nothing) when the database
     * matches the schemas.
     * @throws IllegalArgumentException for a description other than letters, digits,
     * underscores and spaces
     */
    public static @Nullable Path write(SchemaRegistry registry, DataSource dataSource, Dialect dialect, Path directory,
            String description, Clock clock) throws SQLException, IOException {
        Objects.requireNonNull(description, "Description must not be null");
        if (!DESCRIPTION.matcher(description).matches() || description.isBlank()) {
            throw new IllegalArgumentException("Migration description \"" + description
                    + "\" must be letters, digits, underscores and spaces, as Flyway file names take");
        }
        String script = script(registry, dataSource, dialect);
        if (script.isEmpty()) {
            return null;
        }
        String version = LocalDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).format(VERSION);
        Path file = Files.createDirectories(directory)
            .resolve("V" + version + "__" + description.trim().replace(' ', '_') + ".sql");
        // Two migrations written in one second would share a version: the second is
        // refused.
        return Files.writeString(file, script, java.nio.file.StandardOpenOption.CREATE_NEW);
    }

}
