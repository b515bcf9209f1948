using System.Net;
using System.Text;
using Pipeline.Registry.Plugins;
using Pipeline.Tokens;

namespace Pipeline.Display;

/// <summary>
/// Renders docs as standalone HTML pages: "ent" highlights the named entities in their label colors (the built-in
/// palette, plus colors that referenced assemblies expose with <see cref="DisplacyColorsAttribute"/> and colors
/// set with <see cref="SetColor"/>); "dep" draws the dependency tree as SVG arcs over the words and their tags, one
/// figure per sentence, stacked. All document text is HTML-escaped.
/// </summary>
public static class Displacy
{
    /// <summary>The "ent" style.</summary>
    public const string EntityStyle = "ent";

    /// <summary>The "dep" style.</summary>
    public const string DependencyStyle = "dep";

    /// <summary>The label colors in use (built-in, plugin and user ones), by label.</summary>
    public static IReadOnlyDictionary<string, string> Colors
    {
        get
        {
            PluginDiscovery.EnsureScanned();
            return DisplacyPalette.Slots.Usable.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        }
    }

    /// <summary>The color the "ent" style gives a label (a gray for labels without one).</summary>
    public static string ColorOf(string label) => DisplacyPalette.ColorOf(label);

    /// <summary>Sets the color of a label from code (E143 for a value that is not a plain CSS color).</summary>
    public static void SetColor(string label, string color)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        if (!CssColor.IsValid(color))
        {
            throw Errors.InvalidColor(label, color, "user code");
        }

        PluginDiscovery.EnsureScanned();
        DisplacyPalette.Slots.SetUser(label, color.Trim(), "user code");
    }

    /// <summary>
    /// Renders <paramref name="doc"/> in <paramref name="style"/> ("ent" or "dep"; E141 otherwise). With
    /// <paramref name="page"/> the result is a whole HTML page with its styles, else only the figure markup.
    /// </summary>
    public static string Render(Doc doc, string style = EntityStyle, bool page = true)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(style);
        var figure = style.Trim().ToLowerInvariant() switch
        {
            EntityStyle => RenderEntities(doc),
            DependencyStyle => DependencySvg.Render(doc),
            _ => throw Errors.UnknownDisplacyStyle(style),
        };
        return page ? Page(figure, doc.Vocab.Lang) : figure;
    }

    private static string RenderEntities(Doc doc)
    {
        var text = doc.Text;
        var html = new StringBuilder("<figure class=\"entities\">");
        var at = 0;
        foreach (var entity in doc.Ents)
        {
            var label = entity.Label;
            html.Append(Escape(text[at..entity.StartChar]))
                .Append("<mark class=\"entity\" data-label=\"").Append(Escape(label))
                .Append("\" style=\"background: ").Append(Escape(ColorOf(label))).Append("\">")
                .Append(Escape(entity.Text))
                .Append("<span class=\"entity-label\">").Append(Escape(label)).Append("</span></mark>");
            at = entity.EndChar;
        }

        return html.Append(Escape(text[at..])).Append("</figure>").ToString();
    }

    internal static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Page(string figure, string lang) =>
        "<!DOCTYPE html>\n<html lang=\"" + Escape(lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n" +
        "<title>Pipeline displaCy</title>\n<style>\n" +
        "body { font-family: -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; margin: 2em; color: #222; }\n" +
        ".entities { line-height: 2.6; white-space: pre-wrap; font-size: 17px; margin: 0; }\n" +
        ".entity { padding: 0.3em 0.55em; margin: 0 0.2em; border-radius: 0.4em; line-height: 1; }\n" +
        ".entity-label { font-size: 0.65em; font-weight: bold; text-transform: uppercase; margin-left: 0.5em; " +
        "vertical-align: middle; }\n" +
        ".dependencies { font-size: 16px; }\n" +
        "</style>\n</head>\n<body>\n" + figure + "\n</body>\n</html>\n";
}
