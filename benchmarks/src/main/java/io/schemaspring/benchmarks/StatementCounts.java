package io.schemaspring.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements each data layer sends per preload, for 10 and for 100
 * parents.
 */
public final class StatementCounts {

    private StatementCounts() {
    }

    /**
     * One row of the report: statements for 10 and 100 parents, has-many and
     * many-to-many.
     */
    public record Row(String db, String impl, int hasMany10, int hasMany100, int manyToMany10, int manyToMany100) {
    }

    public static List<Row> measure(List<String> dbs) {
        List<Row> rows = new ArrayList<>();
        for (String db : dbs) {
            for (String impl : Workloads.ALL) {
                try (BenchDatabase database = BenchDatabase.open(db)) {
                    Counting counting = new Counting(database.dataSource());
                    Workload workload = Workloads.create(impl, counting, db);
                    try {
                        workload.postsWithComments(10);
                        workload.postsWithTags(10);
                        rows.add(new Row(db, impl, counting.count(() -> workload.postsWithComments(10)),
                                counting.count(() -> workload.postsWithComments(100)),
                                counting.count(() -> workload.postsWithTags(10)),
                                counting.count(() -> workload.postsWithTags(100))));
                    }
                    finally {
                        workload.close();
                    }
                }
            }
        }
        return rows;
    }

    /**
     * One row of the scaling report: the statements of one preload of each size, in size
     * order.
     */
    public record ScalingRow(String db, String impl, List<Integer> sizes, List<Integer> statements) {
    }

    /**
     * The statements each scaling layer sends to preload the comments of each number of
     * posts.
     */
    public static List<ScalingRow> measureScaling(List<String> dbs, List<Integer> sizes) {
        List<ScalingRow> rows = new ArrayList<>();
        for (String db : dbs) {
            try (BenchDatabase database = BenchDatabase.open(db).scaled()) {
                for (String impl : List.of("jdbcTemplate", "springDataJdbc", "jpa", "schema")) {
                    Counting counting = new Counting(database.dataSource());
                    Workload workload = Workloads.create(impl, counting, db);
                    try {
                        List<Integer> counts = new ArrayList<>();
                        for (int size : sizes) {
                            counts.add(counting.count(() -> workload.postsWithComments(size)));
                        }
                        rows.add(new ScalingRow(db, impl, sizes, counts));
                    }
                    finally {
                        workload.close();
                    }
                }
            }
        }
        return rows;
    }

    /** A data source that counts prepared and plain statements. */
    static final class Counting extends DelegatingDataSource {

        private final AtomicInteger statements = new AtomicInteger();

        Counting(DataSource target) {
            super(target);
        }

        int count(Runnable work) {
            this.statements.set(0);
            work.run();
            return this.statements.get();
        }

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            Connection target = super.getConnection();
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
                    (proxy, method, args) -> {
                        String name = method.getName();
                        if (name.equals("prepareStatement") || name.equals("prepareCall")
                                || name.equals("createStatement")) {
                            this.statements.incrementAndGet();
                        }
                        try {
                            return method.invoke(target, args);
                        }
                        catch (InvocationTargetException ex) {
                            throw ex.getCause();
                        }
                    });
        }

    }

}
