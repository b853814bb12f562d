package io.schemaspring.repo.it;

import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.query.Query;
import io.schemaspring.repo.Repo;
import io.schemaspring.repo.it.fixtures.StreamRow;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Run in a JVM with a small heap by {@link PostgresStreamMemoryTest}: {@code stream}
 * counts every row of {@code stream_rows}; {@code all} tries to hold them in a list.
 */
public final class StreamMain {

    private StreamMain() {
    }

    public static void main(String[] args) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(args[0], true);
        Repo repo = Repo.create(SchemaRegistry.builder().add(StreamRow.class).build(), dataSource);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        long count = transaction.execute(status -> {
            if (args[1].equals("all")) {
                List<StreamRow> rows = repo.all(StreamRow.class);
                return (long) rows.size();
            }
            try (Stream<StreamRow> rows = repo.stream(Query.from(StreamRow.class).orderBy("id"))) {
                return rows.mapToLong(row -> row.title.length() > 0 ? 1 : 0).sum();
            }
        });
        System.out.println("rows=" + count);
    }

}
