using System.Globalization;
using System.Text;
using Pipeline.Tokens;

namespace Pipeline.Display;

/// <summary>
/// Draws a parsed doc as SVG: the words on a line with their tags below, and one labelled arc per dependency,
/// from the head to the dependent (the arrowhead). Longer arcs are drawn higher, so nested arcs do not cross.
/// A doc of several sentences gets one figure per sentence, stacked, so that a long text does not become one
/// line of thousands of pixels; a doc of one sentence gets one figure.
/// </summary>
internal static class DependencySvg
{
    private const int Distance = 130;
    private const int Margin = 40;
    private const int LevelHeight = 45;
    private const int WordGap = 30;

    public static string Render(Doc doc)
    {
        if (doc.HeadColumn is null)
        {
            throw Errors.DocNotParsed();
        }

        var svg = new StringBuilder();
        var starts = Segments(doc, doc.HeadColumn);
        for (var s = 0; s < starts.Count; s++)
        {
            RenderRange(svg, doc, doc.HeadColumn, starts[s], s + 1 < starts.Count ? starts[s + 1] : doc.Length);
        }

        return svg.ToString();
    }

    /// <summary>
    /// The first token of each figure: the doc's sentence starts, leaving out any boundary that an arc crosses (a
    /// sentence start set against the parse), so every arc lies inside one figure.
    /// </summary>
    private static List<int> Segments(Doc doc, int[] heads)
    {
        var starts = new List<int> { 0 };
        if (doc.Length == 0)
        {
            return starts;
        }

        var sentenceStarts = doc.SentenceStarts();
        var cover = new int[doc.Length + 1];
        for (var i = 0; i < doc.Length; i++)
        {
            cover[Math.Min(i, heads[i]) + 1]++;
            cover[Math.Max(i, heads[i]) + 1]--;
        }

        var open = 0;
        for (var k = 1; k < doc.Length; k++)
        {
            open += cover[k];
            if (open == 0 && sentenceStarts[k])
            {
                starts.Add(k);
            }
        }

        return starts;
    }

    /// <summary>One figure for tokens <paramref name="from"/> to <paramref name="to"/> (exclusive), whose arcs stay inside.</summary>
    private static void RenderRange(StringBuilder svg, Doc doc, int[] heads, int from, int to)
    {
        var arcs = new List<(int Start, int End, int Dependent, string Label)>();
        for (var i = from; i < to; i++)
        {
            var head = heads[i];
            if (head != i)
            {
                arcs.Add((Math.Min(i, head) - from, Math.Max(i, head) - from, i - from, doc[i].Dep));
            }
        }

        // Dense rank of arc lengths: the shortest arcs get level 1, the next distinct length level 2, and so on.
        var levels = arcs.Select(a => a.End - a.Start).Distinct().Order().Select((length, rank) => (length, rank + 1))
            .ToDictionary(p => p.length, p => p.Item2);
        var top = (levels.Count == 0 ? 0 : levels.Count) * LevelHeight + Margin;
        var baseline = top + WordGap;
        var width = (2 * Margin) + (Math.Max(to - from, 1) * Distance);
        var height = baseline + 60;

        svg.Append(CultureInfo.InvariantCulture,
            $"<figure class=\"dependencies\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"dependency parse\">");
        for (var i = from; i < to; i++)
        {
            var token = doc[i];
            var x = X(i - from);
            var tag = token.Tag.Length > 0 ? token.Tag : token.Pos;
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"word\" text-anchor=\"middle\" x=\"{x}\" y=\"{baseline}\" fill=\"currentColor\">" +
                $"<tspan class=\"word-text\">{Displacy.Escape(token.Text)}</tspan>" +
                $"<tspan class=\"word-tag\" x=\"{x}\" dy=\"1.8em\" fill=\"#666\">{Displacy.Escape(tag)}</tspan></text>");
        }

        foreach (var (start, end, dependent, label) in arcs)
        {
            var level = levels[end - start];
            var x1 = X(start) + 6;
            var x2 = X(end) - 6;
            var y = top;
            var rise = level * LevelHeight;
            var arrowX = dependent == start ? x1 : x2;
            svg.Append(CultureInfo.InvariantCulture,
                $"<g class=\"arc\" data-label=\"{Displacy.Escape(label)}\">" +
                $"<path d=\"M{x1},{y} C{x1},{y - rise} {x2},{y - rise} {x2},{y}\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\"/>" +
                $"<text class=\"arc-label\" text-anchor=\"middle\" x=\"{(x1 + x2) / 2}\" y=\"{y - (rise * 3 / 4) - 6}\" font-size=\"12\" fill=\"currentColor\">{Displacy.Escape(label)}</text>" +
                $"<path class=\"arrow\" d=\"M{arrowX},{y + 2} L{arrowX - 5},{y - 8} L{arrowX + 5},{y - 8} Z\" fill=\"currentColor\"/></g>");
        }

        svg.Append("</svg></figure>");
    }

    private static int X(int token) => Margin + (token * Distance) + (Distance / 2);
}
