using System.Text;
using System.Text.Json;
using Pipeline.Serialization;
using Pipeline.Tokens;

namespace Pipeline.Transformers.Heads.Lemmas;

/// <summary>
/// The lemmas of the word forms that the training data always lemmatizes the same way (<c>lookup.json</c>: a JSON
/// object from form to lemma). Forms seen with several lemmas ("saw", "'s", "left") are left out, so the context
/// classifier decides them; a form seen once is kept, as the sm lemmatizer's lookup keeps it.
/// </summary>
internal sealed class FormLemmaTable
{
    /// <summary>The file name in the component's folder.</summary>
    public const string FileName = "lookup.json";

    private const long MaxBytes = 256L << 20;

    private FormLemmaTable(Dictionary<string, string> lemmas)
    {
        Lemmas = lemmas;
    }

    /// <summary>An empty table.</summary>
    public static FormLemmaTable Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>Form to lemma.</summary>
    public IReadOnlyDictionary<string, string> Lemmas { get; }

    /// <summary>The table of the unambiguous forms of <paramref name="golds"/> (tokens with a lemma).</summary>
    public static FormLemmaTable Build(IEnumerable<Doc> golds)
    {
        var seen = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var gold in golds)
        {
            for (var i = 0; i < gold.Length; i++)
            {
                var (form, lemma) = (gold[i].Text, gold[i].Lemma);
                if (lemma.Length == 0)
                {
                    continue;
                }

                // null marks a form seen with two lemmas.
                seen[form] = !seen.TryGetValue(form, out var known) || known == lemma ? lemma : null;
            }
        }

        return new FormLemmaTable(seen.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!, StringComparer.Ordinal));
    }

    /// <summary>Sets the lemma of every token whose form is in the table.</summary>
    public void Apply(Doc doc)
    {
        for (var i = 0; i < doc.Length; i++)
        {
            if (Lemmas.TryGetValue(doc[i].Text, out var lemma))
            {
                doc[i].Lemma = lemma;
            }
        }
    }

    /// <summary>Writes the table to <paramref name="directory"/>/lookup.json atomically.</summary>
    public void Write(string directory) =>
        AtomicFile.Write(Path.Combine(directory, FileName), stream => JsonSerializer.Serialize(stream, Lemmas));

    /// <summary>Reads what <see cref="Write"/> wrote; a missing, oversized or malformed file is E271 naming it.</summary>
    public static FormLemmaTable Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw TransformerErrors.BadHeadModel(path, "the file is missing");
        }

        if (new FileInfo(path).Length > MaxBytes)
        {
            throw TransformerErrors.BadHeadModel(path, $"it is larger than {MaxBytes >> 20} MB");
        }

        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(File.ReadAllBytes(path));
            var lemmas = JsonSerializer.Deserialize<Dictionary<string, string>>(text)
                ?? throw TransformerErrors.BadHeadModel(path, "it holds null, not an object of form to lemma");
            return new FormLemmaTable(new Dictionary<string, string>(lemmas, StringComparer.Ordinal));
        }
        catch (Exception e) when (e is JsonException or DecoderFallbackException)
        {
            throw TransformerErrors.BadHeadModel(path, $"it is not a JSON object of form to lemma ({e.Message})", e);
        }
    }
}
