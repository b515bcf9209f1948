using System.Globalization;
using System.Text;

namespace Pipeline.Trainer.Packaging;

/// <summary>Writes a model package's README.md: what it is, its pipeline, labels, scores, sources, licence and how to load it.</summary>
public static class ModelCard
{
    /// <summary>The model card of <paramref name="meta"/>, whose package depends on Pipeline.Core <paramref name="range"/>.</summary>
    public static string Render(ModelMeta meta, string range)
    {
        ArgumentNullException.ThrowIfNull(meta);
        var id = meta.PackageId;
        var entry = PackageNaming.EntryClassName(id);
        var card = new StringBuilder();
        card.Append(CultureInfo.InvariantCulture, $"# {id} {meta.Version}\n\n{PackageTemplates.Description(meta)}\n\n");
        card.Append("| | |\n|---|---|\n");
        Row(card, "Package", $"`{id}`");
        Row(card, "Version", meta.Version);
        Row(card, "Language", $"`{meta.Lang}`");
        Row(card, "Pipeline", meta.Pipeline.Count == 0 ? "(tokenizer only)" : string.Join(", ", meta.Pipeline.Select(p => $"`{p}`")));
        Row(card, "Pipeline.Core", $"`{range}`");
        Row(card, "Sources", meta.Sources.Count == 0 ? "(not given)" : string.Join(", ", meta.Sources.Select(Source)));
        Row(card, "Licence", string.IsNullOrWhiteSpace(meta.License) ? "(not given)" : meta.License);
        var author = string.IsNullOrWhiteSpace(meta.Author) ? "(not given)" : meta.Author;
        Row(card, "Author", string.IsNullOrWhiteSpace(meta.Url) ? author : $"[{author}]({meta.Url})");
        if (!string.IsNullOrWhiteSpace(meta.Email))
        {
            Row(card, "Contact", meta.Email);
        }

        card.Append("\n## Labels\n\n");
        if (meta.Labels.Count == 0 || meta.Labels.All(l => l.Value.Count == 0))
        {
            card.Append("No component of this model predicts labels.\n");
        }

        foreach (var (component, labels) in meta.Labels.Where(l => l.Value.Count > 0).OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            card.Append(CultureInfo.InvariantCulture, $"- **{component}** ({labels.Count}): {string.Join(", ", labels.Select(l => Code(Cell(l))))}\n");
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
                card.Append(CultureInfo.InvariantCulture, $"| {Cell(score)} | {value:0.##} |\n");
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
        return card.ToString();
    }

    private static void Row(StringBuilder card, string key, string value) =>
        card.Append(CultureInfo.InvariantCulture, $"| {key} | {Cell(value)} |\n");

    private static string Source(ModelSource source)
    {
        var text = string.IsNullOrWhiteSpace(source.Url) ? source.Name : $"[{source.Name}]({source.Url})";
        return string.IsNullOrWhiteSpace(source.License) ? text : $"{text} ({source.License})";
    }

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

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
}
