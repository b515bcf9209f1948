using System.Globalization;
using System.Text;

namespace Pipeline.Trainer.Packaging;

/// <summary>
/// Writes a model package's README.md: what it is, its pipeline, labels, scores, sources, licence and how to load it.
/// Meta values are text, not Markdown: each is put on one line with the characters Markdown gives a meaning
/// (headings, emphasis, links, HTML, table pipes) escaped, so a description or author cannot change the page.
/// </summary>
public static class ModelCard
{
    /// <summary>The model card of <paramref name="meta"/>, whose package depends on Pipeline.Core <paramref name="range"/>.</summary>
    public static string Render(ModelMeta meta, string range)
    {
        ArgumentNullException.ThrowIfNull(meta);
        var id = meta.PackageId;
        var entry = PackageNaming.EntryClassName(id);
        var card = new StringBuilder();
        card.Append(CultureInfo.InvariantCulture, $"# {id} {Text(meta.Version)}\n\n{Paragraph(PackageTemplates.Description(meta))}\n\n");
        card.Append("| | |\n|---|---|\n");
        Row(card, "Package", $"`{id}`");
        Row(card, "Version", Text(meta.Version));
        Row(card, "Language", $"`{meta.Lang}`");
        Row(card, "Pipeline", meta.Pipeline.Count == 0 ? "(tokenizer only)" : string.Join(", ", meta.Pipeline.Select(p => CellCode(p))));
        Row(card, "Pipeline.Core", $"`{range}`");
        var plugins = PackageTemplates.PluginDependencies(meta).ToList();
        if (plugins.Count > 0)
        {
            Row(card, "Depends on", string.Join(", ", plugins.Select(d => CellCode(d.VersionRange is { } r ? $"{d.Id} {r}" : d.Id))));
        }

        Row(card, "Sources", meta.Sources.Count == 0 ? "(not given)" : string.Join(", ", meta.Sources.Select(Source)));
        Row(card, "Licence", string.IsNullOrWhiteSpace(meta.License) ? "(not given)" : Text(meta.License));
        var author = string.IsNullOrWhiteSpace(meta.Author) ? "(not given)" : Text(meta.Author);
        Row(card, "Author", Link(author, meta.Url) ?? author);
        if (!string.IsNullOrWhiteSpace(meta.Email))
        {
            Row(card, "Contact", Text(meta.Email));
        }

        card.Append("\n## Labels\n\n");
        if (meta.Labels.Count == 0 || meta.Labels.All(l => l.Value.Count == 0))
        {
            card.Append("No component of this model predicts labels.\n");
        }

        foreach (var (component, labels) in meta.Labels.Where(l => l.Value.Count > 0).OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            card.Append(CultureInfo.InvariantCulture, $"- **{Text(component)}** ({labels.Count}): {string.Join(", ", labels.Select(l => Code(PackageTemplates.OneLine(l))))}\n");
        }

        card.Append("\n## Accuracy\n\n");
        if (meta.Accuracy.Count == 0)
        {
            card.Append("No scores were recorded.\n");
        }
        else
        {
            card.Append("| score | value |\n|---|---:|\n");
            foreach (var (score, value) in meta.Accuracy.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                card.Append(CultureInfo.InvariantCulture, $"| {Text(score)} | {value:0.##} |\n");
            }
        }

        card.Append(CultureInfo.InvariantCulture, $"""

            ## How to load

            ```
            dotnet add package {id} --version {meta.Version}
            ```

            ```csharp
            using Pipeline;
            using Pipeline.Models;

            var nlp = {entry}.Load();            // or: Nlp.Load("{id}")
            var doc = nlp.Process("This is a sentence.");
            ```

            The package copies its data to `{ModelPackages.DirectoryName}/{id}/` of the build and publish output (through its
            `buildTransitive` targets), so the model loads under `dotnet run`, from the build output and from a
            `dotnet publish` folder. `Load` takes optional overrides that reach every component factory's config.
            The model needs Pipeline.Core `{range}`; with another version, loading warns (W010).

            """);
        if (plugins.Count > 0)
        {
            card.Append(CultureInfo.InvariantCulture, $"""

                Components of its pipeline come from {string.Join(", ", plugins.Select(d => $"`{d.Id}`"))}: the package
                depends on them, so NuGet brings them into the app with the model and nothing else is needed. The
                `pipeline` tool (`evaluate`, `parse`, `displacy`) loads them as plugins from the NuGet global packages
                folder once a project has restored this package, or from `--plugins <folder>`.

                """);
        }

        return card.ToString();
    }

    /// <summary>A table row; <paramref name="value"/> is Markdown already escaped for a table cell.</summary>
    private static void Row(StringBuilder card, string key, string value) =>
        card.Append(CultureInfo.InvariantCulture, $"| {key} | {value} |\n");

    private static string Source(ModelSource source)
    {
        var name = Text(source.Name);
        var text = Link(name, source.Url) ?? (string.IsNullOrWhiteSpace(source.Url) ? name : $"{name} ({Text(source.Url)})");
        return string.IsNullOrWhiteSpace(source.License) ? text : $"{text} ({Text(source.License)})";
    }

    /// <summary>
    /// A Markdown link to <paramref name="url"/> when it is an absolute http(s) address (percent-encoded, so no
    /// character of it can end the link or the table cell), else null: other schemes are shown as text, never linked.
    /// </summary>
    private static string? Link(string text, string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var target = new StringBuilder();
        foreach (var c in uri.AbsoluteUri)
        {
            target.Append(c is '(' or ')' or '<' or '>' or '|' or '`' or '"' or '\'' or ' ' or '\\'
                ? $"%{(int)c:X2}"
                : c.ToString());
        }

        return $"[{text}]({target})";
    }

    /// <summary>
    /// Plain text as inline Markdown that renders as the text itself: on one line, with the characters that start
    /// emphasis, code, links, HTML, entities, headings or strike-through, and the table pipe, escaped by a backslash
    /// (an underscore inside a word, as in <c>ents_f</c>, starts nothing and stays as it is).
    /// </summary>
    private static string Text(string text)
    {
        var line = PackageTemplates.OneLine(text);
        var builder = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var inWord = c == '_' && i > 0 && i + 1 < line.Length && char.IsLetterOrDigit(line[i - 1]) && char.IsLetterOrDigit(line[i + 1]);
            if (!inWord && c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '~' or '&' or '!')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Plain text as a Markdown paragraph of its own: <see cref="Text"/>, and a leading character that would make
    /// it a list item, a quote or a thematic break (<c>-</c>, <c>+</c>, <c>=</c>, <c>1.</c>) escaped too.
    /// </summary>
    private static string Paragraph(string text)
    {
        var escaped = Text(text);
        var digits = escaped.TakeWhile(char.IsAsciiDigit).Count();
        if (escaped.Length > 0 && escaped[0] is '-' or '+' or '=')
        {
            return "\\" + escaped;
        }

        return digits > 0 && digits < escaped.Length && escaped[digits] is '.' or ')'
            ? string.Concat(escaped.AsSpan(0, digits), "\\", escaped.AsSpan(digits))
            : escaped;
    }

    /// <summary>Inline code inside a table cell: <see cref="Code"/> with the table pipe escaped (GitHub tables need that even in code).</summary>
    private static string CellCode(string text) => Code(PackageTemplates.OneLine(text)).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>Inline code that survives backticks in the text (a run of backticks longer than any inside).</summary>
    private static string Code(string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        return longest == 0 ? $"{fence}{text}{fence}" : $"{fence} {text} {fence}";
    }
}
