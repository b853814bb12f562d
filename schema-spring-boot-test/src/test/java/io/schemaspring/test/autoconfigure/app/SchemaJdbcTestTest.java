package io.schemaspring.test.autoconfigure.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.changeset.Changesets;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.repo.Repo;
import io.schemaspring.data.SchemaRepository;
import io.schemaspring.test.autoconfigure.SchemaJdbcTest;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The slice on the fixture application of package {@code app}, whose datasource URL
 * points elsewhere.
 */
@SchemaJdbcTest(properties = "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/unreachable")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchemaJdbcTestTest {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private SchemaRepository<Note, Long> notes;

    @Autowired
    private DataSource dataSource;

    @Test
    @Order(1)
    void loadsTheDataLayerAndWritesInATransactionRolledBackAtTheEnd() {
        assertThat(this.notes.count()).isZero();
        this.notes.insert(Note.saying("kept only in this test"));
        assertThat(this.notes.count()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void startsEachTestFromTheRolledBackState() {
        assertThat(this.notes.count()).isZero();
    }

    @Test
    void replacesTheApplicationsDataSourceWithAnEmbeddedDatabase() throws Exception {
        try (Connection connection = this.dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL()).startsWith("jdbc:h2:mem:");
        }
    }

    @Test
    void hasTheStartersBeansButNotTheApplicationsComponents() {
        assertThat(this.context.getBeanNamesForType(SchemaRegistry.class)).hasSize(1);
        assertThat(this.context.getBeanNamesForType(Repo.class)).hasSize(1);
        assertThat(this.context.getBeanNamesForType(Changesets.class)).hasSize(1);
        assertThat(this.context.getBeanNamesForType(NoteService.class)).isEmpty();
        assertThat(this.context.containsBean("dispatcherServlet")).isFalse();
    }

}
