package io.schemaspring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The table of {@code docs/configuration.md} is the configuration metadata the build
 * generates from {@link SchemaProperties}: a property added, removed or described anew
 * fails this test until the table is regenerated ({@code -Dschema.docs.update=true}).
 */
class ConfigurationDocsTest {

    private static final Path PAGE = Path.of("..", "docs", "configuration.md");

    private static final String START = "<!-- generated from spring-configuration-metadata.json by ConfigurationDocsTest -->";

    private static final String END = "<!-- end of the generated table -->";

    @Test
    void theConfigurationPageListsEveryPropertyOfTheMetadata() throws Exception {
        String page = Files.readString(PAGE);
        int start = page.indexOf(START);
        int end = page.indexOf(END);
        assertThat(start).as("the start marker of %s", PAGE).isNotNegative();
        assertThat(end).as("the end marker of %s", PAGE).isGreaterThan(start);
        String expected = page.substring(0, start + START.length()) + "\n" + table() + page.substring(end);
        if (Boolean.getBoolean("schema.docs.update")) {
            Files.writeString(PAGE, expected);
            page = expected;
        }
        assertThat(page).as("docs/configuration.md: regenerate its table with -Dschema.docs.update=true")
            .isEqualTo(expected);
    }

    @SuppressWarnings("unchecked")
    private String table() throws Exception {
        Map<String, Object> metadata;
        try (InputStream json = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = JsonMapper.builder().build().readValue(json, Map.class);
        }
        StringBuilder table = new StringBuilder("| property | default | meaning |\n|---|---|---|\n");
        ((List<Map<String, Object>>) metadata.get("properties")).stream()
            .filter(property -> property.get("name").toString().startsWith("schema."))
            .sorted(Comparator.comparing(property -> property.get("name").toString()))
            .forEach(property -> table.append("| `")
                .append(property.get("name"))
                .append("` | ")
                .append(shown(property.get("defaultValue")))
                .append(" | ")
                .append(String.valueOf(property.getOrDefault("description", "")).replace("|", "\\|").replace('\n', ' '))
                .append(" |\n"));
        return table.toString();
    }

    private static String shown(Object value) {
        if (value == null) {
            return "none";
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "none" : "`" + String.join(", ", list.stream().map(String::valueOf).toList()) + "`";
        }
        return "`" + value + "`";
    }

}
