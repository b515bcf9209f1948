using System.Globalization;
using System.Net;
using System.Text;

namespace Pipeline.Trainer.Output;

/// <summary>
/// A small self-contained SVG line chart: one line per series over the epochs, gridlines, a legend, a tooltip
/// per point, and a dashed marker on a chosen epoch (the best checkpoint).
/// </summary>
internal static class SvgLineChart
{
    private const int Width = 760;
    private const int Height = 320;
    private const int Left = 56;
    private const int Right = 150;
    private const int Top = 16;
    private const int Bottom = 40;
    private static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"];

    public static string Render(string title, IReadOnlyList<(string Name, double?[] Values)> series, int? marked, string markLabel)
    {
        var values = series.SelectMany(s => s.Values).OfType<double>().ToList();
        var count = series.Count == 0 ? 0 : series.Max(s => s.Values.Length);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Html(title)}\">\n");
        if (values.Count == 0 || count == 0)
        {
            svg.Append("<text x=\"20\" y=\"40\">No scores yet.</text>\n</svg>\n");
            return svg.ToString();
        }

        var (low, high) = Range(values);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double X(int epoch) => Left + (count == 1 ? plotWidth / 2.0 : epoch * plotWidth / (double)(count - 1));
        double Y(double value) => Top + ((high - value) * plotHeight / (high - low));

        for (var t = 0; t <= 4; t++)
        {
            var value = low + ((high - low) * t / 4);
            var y = Y(value);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Left + plotWidth}\" y2=\"{y:0.#}\" stroke=\"#e5e5e5\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"11\">{value:0.##}</text>\n");
        }

        var step = Math.Max(1, (int)Math.Ceiling(count / 15.0));
        for (var e = 0; e < count; e += step)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(e):0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\" font-size=\"11\">{e}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + (plotWidth / 2)}\" y=\"{Height - 6}\" text-anchor=\"middle\" font-size=\"12\">epoch</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotWidth}\" height=\"{plotHeight}\" fill=\"none\" stroke=\"#999\"/>\n");
        if (marked is { } m && m < count)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"best\" x1=\"{X(m):0.#}\" y1=\"{Top}\" x2=\"{X(m):0.#}\" y2=\"{Top + plotHeight}\" stroke=\"#333\" stroke-dasharray=\"5,4\"/>");
            var anchor = X(m) > Left + (plotWidth / 2.0) ? "end" : "start";
            var labelX = anchor == "end" ? X(m) - 4 : X(m) + 4;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelX:0.#}\" y=\"{Top + plotHeight - 6}\" text-anchor=\"{anchor}\" font-size=\"11\" font-weight=\"bold\" stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\">{Html(markLabel)}</text>\n");
        }

        for (var s = 0; s < series.Count; s++)
        {
            var (name, points) = series[s];
            var color = Palette[s % Palette.Length];
            var path = new StringBuilder();
            for (var e = 0; e < points.Length; e++)
            {
                if (points[e] is { } v)
                {
                    path.Append(CultureInfo.InvariantCulture, $"{(path.Length == 0 ? "" : " ")}{X(e):0.#},{Y(v):0.#}");
                }
            }

            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{path}\"/>\n");
            for (var e = 0; e < points.Length; e++)
            {
                if (points[e] is { } v)
                {
                    var radius = e == marked ? 4.5 : 2.5;
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(e):0.#}\" cy=\"{Y(v):0.#}\" r=\"{radius}\" fill=\"{color}\"><title>{Html(name)}, epoch {e}: {v:0.###}</title></circle>");
                }
            }

            var legendY = Top + 14 + (s * 18);
            svg.Append(CultureInfo.InvariantCulture, $"\n<rect x=\"{Width - Right + 14}\" y=\"{legendY - 9}\" width=\"12\" height=\"4\" fill=\"{color}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right + 32}\" y=\"{legendY - 3}\" font-size=\"12\">{Html(name)}</text>\n");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static (double Low, double High) Range(List<double> values)
    {
        var low = values.Min();
        var high = values.Max();
        var pad = Math.Max(0.5, (high - low) * 0.08);
        low = Math.Floor(low - pad);
        high = Math.Ceiling(high + pad);
        if (values.TrueForAll(v => v >= 0))
        {
            low = Math.Max(0, low);
        }

        if (values.TrueForAll(v => v <= 100))
        {
            high = Math.Min(100, high);
        }

        return high > low ? (low, high) : (low - 1, high + 1);
    }

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}
