package io.schemaspring.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;

/**
 * Draws the scaling results as a PNG: one log-log panel per workload and database, time
 * per element (parent, row or field) against the number of elements, one line per data
 * layer. A flat line is cost that grows linearly with the work.
 */
final class ScalingChart {

    private static final int PANEL_WIDTH = 560;

    private static final int PANEL_HEIGHT = 340;

    private static final int MARGIN_LEFT = 70;

    private static final int MARGIN_RIGHT = 160;

    private static final int MARGIN_TOP = 36;

    private static final int MARGIN_BOTTOM = 44;

    private static final Map<String, Color> COLORS = Map.of("jdbcTemplate", new Color(0x555555), "springDataJdbc",
            new Color(0x2E7D32), "jpa", new Color(0xC62828), "schema", new Color(0x1565C0), "jacksonBeanValidation",
            new Color(0x555555), "schemaChangeset", new Color(0x1565C0));

    private ScalingChart() {
    }

    /**
     * A panel: its title, its x-axis label, and per data layer the time per element by
     * size.
     */
    record Panel(String title, String unit, Map<String, TreeMap<Integer, Double>> lines) {
    }

    static void write(List<Panel> panels, Path file) throws IOException {
        int columns = 2;
        int rows = (panels.size() + columns - 1) / columns;
        BufferedImage image = new BufferedImage(columns * PANEL_WIDTH, rows * PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < panels.size(); i++) {
            draw(g, panels.get(i), (i % columns) * PANEL_WIDTH, (i / columns) * PANEL_HEIGHT);
        }
        g.dispose();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private static void draw(Graphics2D g, Panel panel, int x0, int y0) {
        double minX = Double.MAX_VALUE;
        double maxX = 0;
        double minY = Double.MAX_VALUE;
        double maxY = 0;
        for (TreeMap<Integer, Double> line : panel.lines().values()) {
            for (Map.Entry<Integer, Double> point : line.entrySet()) {
                if (point.getKey() <= 0 || point.getValue() <= 0) {
                    continue;
                }
                minX = Math.min(minX, point.getKey());
                maxX = Math.max(maxX, point.getKey());
                minY = Math.min(minY, point.getValue());
                maxY = Math.max(maxY, point.getValue());
            }
        }
        if (maxX == 0 || maxY <= 0) {
            return;
        }
        double lowX = Math.floor(Math.log10(minX));
        double highX = Math.max(lowX + 1, Math.ceil(Math.log10(maxX)));
        double lowY = Math.floor(Math.log10(minY));
        double highY = Math.max(lowY + 1, Math.ceil(Math.log10(maxY)));
        int left = x0 + MARGIN_LEFT;
        int right = x0 + PANEL_WIDTH - MARGIN_RIGHT;
        int top = y0 + MARGIN_TOP;
        int bottom = y0 + PANEL_HEIGHT - MARGIN_BOTTOM;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(Color.BLACK);
        g.drawString(panel.title(), left, y0 + 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (double decade = lowY; decade <= highY; decade++) {
            int y = scale(decade, lowY, highY, bottom, top);
            g.setColor(new Color(0xE0E0E0));
            g.drawLine(left, y, right, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(label(Math.pow(10, decade)), x0 + 8, y + 4);
        }
        for (double decade = lowX; decade <= highX; decade++) {
            int x = scale(decade, lowX, highX, left, right);
            g.setColor(new Color(0xE0E0E0));
            g.drawLine(x, top, x, bottom);
            g.setColor(Color.DARK_GRAY);
            g.drawString(label(Math.pow(10, decade)), x - 12, bottom + 16);
        }
        g.drawString(panel.unit(), left, bottom + 34);
        g.setColor(Color.BLACK);
        g.drawRect(left, top, right - left, bottom - top);
        int legend = top + 8;
        for (Map.Entry<String, TreeMap<Integer, Double>> line : panel.lines().entrySet()) {
            Color color = COLORS.getOrDefault(line.getKey(), Color.MAGENTA);
            g.setColor(color);
            g.setStroke(new BasicStroke(2.2f));
            List<int[]> points = new ArrayList<>();
            for (Map.Entry<Integer, Double> point : line.getValue().entrySet()) {
                if (point.getKey() <= 0 || point.getValue() <= 0) {
                    continue;
                }
                points.add(new int[] { scale(Math.log10(point.getKey()), lowX, highX, left, right),
                        scale(Math.log10(point.getValue()), lowY, highY, bottom, top) });
            }
            for (int i = 0; i < points.size(); i++) {
                int[] p = points.get(i);
                g.fillOval(p[0] - 3, p[1] - 3, 7, 7);
                if (i > 0) {
                    int[] q = points.get(i - 1);
                    g.drawLine(q[0], q[1], p[0], p[1]);
                }
            }
            g.drawLine(right + 10, legend, right + 28, legend);
            g.setColor(Color.BLACK);
            g.drawString(line.getKey(), right + 32, legend + 4);
            legend += 16;
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static int scale(double value, double low, double high, int from, int to) {
        return (int) Math.round(from + (value - low) / (high - low) * (to - from));
    }

    private static String label(double value) {
        if (value >= 1) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%s", Double.toString(value).replaceAll("0+$", ""));
    }

}
