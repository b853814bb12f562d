package io.schemaspring.benchmarks.render;

import io.schemaspring.repo.dialect.Dialect;
import java.util.List;

/**
 * Prints the SQL both models render for each database:
 * {@code java -cp benchmarks/target/benchmarks.jar io.schemaspring.benchmarks.render.RenderComparison}.
 */
public final class RenderComparison {

    static final List<String> DATABASES = List.of("h2", "postgres", "mariadb", "oracle", "sqlserver", "db2");

    private RenderComparison() {
    }

    public static void main(String[] args) {
        Statements.Page page = new Statements.Page(20, 40);
        for (String db : DATABASES) {
            System.out.println("== " + db);
            Dialect own = OwnRendering.dialect(db);
            SdrRendering sdr = new SdrRendering(SdrRendering.dialect(db), false);
            SdrRendering sdrNamed = new SdrRendering(SdrRendering.dialect(db), true);
            for (boolean qualified : new boolean[] { false, true }) {
                String prefix = Statements.prefix(qualified);
                String label = qualified ? " (prefix " + prefix + ")" : "";
                if (own != null) {
                    OwnRendering ownRendering = new OwnRendering(own);
                    System.out.println("own   byId" + label + ":     " + ownRendering.byId(prefix));
                    System.out.println("own   filtered" + label + ": " + ownRendering.filtered(prefix));
                }
                else {
                    System.out.println("own   (no dialect: the starter refuses this database)");
                }
                System.out.println("sdr   byId" + label + ":     " + sdr.byId(prefix));
                System.out.println("sdr   filtered" + label + ": " + sdr.filtered(prefix, page));
                System.out.println("sdr:  filtered" + label + ": " + sdrNamed.filtered(prefix, page));
            }
        }
    }

}
