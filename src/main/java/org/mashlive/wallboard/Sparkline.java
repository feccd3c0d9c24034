package org.mashlive.wallboard;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Html;

/**
 * Small trend lines drawn on the server as SVG (no chart library reaches the browser). Values may
 * be null where there is nothing to show (a day without decisions): the line breaks there.
 */
final class Sparkline {

    private Sparkline() {
    }

    /**
     * The drawing as a component. Vaadin reads the markup with an HTML parser, which lowers the case
     * of attribute names, but SVG's are case-sensitive: a {@code viewbox} is no {@code viewBox}, and
     * the drawing would keep its drawn size instead of filling its tile. The two are set again, by
     * their proper names, in the browser.
     */
    static Html html(String svg) {
        var chart = new Html(svg);
        chart.getElement().executeJs("this.setAttribute('viewBox', this.getAttribute('viewbox'));"
                + " this.setAttribute('preserveAspectRatio', 'none');");
        return chart;
    }

    /**
     * An SVG polyline per series on a shared scale from 0 to {@code max} (or the largest value when
     * {@code max} is null), each series an even step apart across {@code width}.
     *
     * @param label   read out in place of the drawing
     * @param classes one CSS class per series, which gives its colour
     */
    static String svg(String label, int width, int height, Double max, List<List<Double>> series,
                      List<String> classes) {
        double top = max != null ? max
                : series.stream().flatMap(List::stream).filter(v -> v != null).mapToDouble(Double::doubleValue)
                        .max().orElse(0);
        if (top <= 0) {
            top = 1;
        }
        var svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sparkline\" role=\"img\" viewBox=\"0 0 %d %d\""
                        + " preserveAspectRatio=\"none\"><title>%s</title>",
                width, height, escape(label)));
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" vector-effect=\"non-scaling-stroke\" x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                height - 1, width, height - 1));
        for (int s = 0; s < series.size(); s++) {
            var values = series.get(s);
            double step = values.size() > 1 ? (double) (width - 4) / (values.size() - 1) : 0;
            var points = new StringBuilder();
            for (int i = 0; i < values.size(); i++) {
                var value = values.get(i);
                if (value == null) {
                    appendLine(svg, points, classes.get(s));
                    points.setLength(0);
                    continue;
                }
                double x = 2 + i * step;
                double y = (height - 2) - (height - 4) * Math.min(value, top) / top;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            appendLine(svg, points, classes.get(s));
        }
        return svg.append("</svg>").toString();
    }

    private static void appendLine(StringBuilder svg, StringBuilder points, String cssClass) {
        if (points.isEmpty()) {
            return;
        }
        svg.append("<polyline class=\"").append(escape(cssClass)).append("\" fill=\"none\" vector-effect=\"non-scaling-stroke\" points=\"")
                .append(points.toString().strip()).append("\"/>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
