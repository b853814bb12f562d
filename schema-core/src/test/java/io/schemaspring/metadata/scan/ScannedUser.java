package io.schemaspring.metadata.scan;

import io.schemaspring.annotation.EmbeddedSchema;
import io.schemaspring.annotation.EmbedsOne;
import io.schemaspring.annotation.Schema;

@Schema("scanned_users")
public class ScannedUser {

    private Long id;

    @EmbedsOne
    private Settings settings;

    @EmbeddedSchema
    public static class Settings {

        private String theme;

    }

}
