package dev.trawl.internal.report;

import java.util.List;
import java.util.Locale;

/** Small inline SVG charts, drawn in Java so the report needs no script and no network. */
final class Svg {
    private static final int W = 560;
    private static final int H = 220;
    private static final int LEFT = 56;
    private static final int BOTTOM = 28;
    private static final int TOP = 24;

    private Svg() {}

    /** A line over time: {@code xs} in seconds, {@code ys} the values. */
    static String line(List<Double> xs, List<Double> ys, String unit, String color) {
        double maxX = Math.max(1e-9, xs.isEmpty() ? 1 : xs.getLast());
        double maxY = nice(ys.stream().mapToDouble(Double::doubleValue).max().orElse(1));
        StringBuilder s = frame(maxY, unit);
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xs.size(); i++) {
            points.append(f(x(xs.get(i), maxX))).append(',').append(f(y(ys.get(i), maxY))).append(' ');
        }
        s.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2\" points=\"").append(points).append("\"/>");
        s.append(text(W - 4, H - 6, "end", f0(maxX) + " s"));
        s.append(text(LEFT, H - 6, "start", "0 s"));
        return s.append("</svg>").toString();
    }

    /** Vertical bars, one a label. */
    static String bars(List<String> labels, List<Long> values, String unit, String color) {
        double maxY = nice(values.stream().mapToLong(Long::longValue).max().orElse(1));
        StringBuilder s = frame(maxY, unit);
        int n = Math.max(1, labels.size());
        double slot = (W - LEFT - 8) / (double) n;
        for (int i = 0; i < labels.size(); i++) {
            double x0 = LEFT + i * slot + slot * 0.1;
            double top = y(values.get(i), maxY);
            s.append("<rect x=\"").append(f(x0)).append("\" y=\"").append(f(top)).append("\" width=\"").append(f(slot * 0.8))
                    .append("\" height=\"").append(f(H - BOTTOM - top)).append("\" fill=\"").append(color).append("\"><title>")
                    .append(escape(labels.get(i))).append(": ").append(values.get(i)).append("</title></rect>");
            if (n <= 16 || i % (n / 8 + 1) == 0) {
                s.append(text(x0 + slot * 0.4, H - BOTTOM + 14, "middle", labels.get(i)));
            }
        }
        return s.append("</svg>").toString();
    }

    private static StringBuilder frame(double maxY, String unit) {
        StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + W + " " + H
                + "\" width=\"" + W + "\" height=\"" + H + "\" role=\"img\">");
        for (int i = 0; i <= 4; i++) {
            double v = maxY * i / 4;
            double yy = y(v, maxY);
            s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(W - 4).append("\" y1=\"").append(f(yy)).append("\" y2=\"")
                    .append(f(yy)).append("\" stroke=\"#e3e3e3\"/>");
            s.append(text(LEFT - 6, yy + 4, "end", f0(v)));
        }
        s.append(text(LEFT - 6, 12, "end", unit));
        return s;
    }

    private static String text(double x, double y, String anchor, String t) {
        return "<text x=\"" + f(x) + "\" y=\"" + f(y) + "\" text-anchor=\"" + anchor + "\" font-size=\"11\" fill=\"#555\">" + escape(t) + "</text>";
    }

    private static double x(double v, double max) {
        return LEFT + (W - LEFT - 8) * v / max;
    }

    private static double y(double v, double max) {
        return H - BOTTOM - (H - BOTTOM - TOP) * v / max;
    }

    /** The smallest of 1, 2, 5 × 10ⁿ at or above {@code v}. */
    private static double nice(double v) {
        if (v <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f0(double v) {
        return v >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
