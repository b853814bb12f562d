package io.schemaspring.test.autoconfigure.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.data.SchemaRepository;
import io.schemaspring.test.autoconfigure.SchemaJdbcTest;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;

/**
 * {@code replaceDatabase = NONE}: the slice runs on the database the application
 * configures.
 */
@SchemaJdbcTest(replaceDatabase = AutoConfigureTestDatabase.Replace.NONE, properties = {
        "spring.datasource.url=jdbc:h2:mem:configured;DB_CLOSE_DELAY=-1", "spring.sql.init.mode=always" })
class SchemaJdbcTestOnTheConfiguredDatabaseTest {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private SchemaRepository<Note, Long> notes;

    @Test
    void keepsTheConfiguredDataSource() throws Exception {
        try (Connection connection = this.dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL()).isEqualTo("jdbc:h2:mem:configured");
        }
        this.notes.insert(Note.saying("on the configured database"));
        assertThat(this.notes.count()).isEqualTo(1);
    }

}
