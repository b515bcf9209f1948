using Pipeline;
using Pipeline.Components;
using Pipeline.Registry;
using Pipeline.Serialization;
using Pipeline.Tokens;

namespace Snek;

/// <summary>
/// The "snek" component: puts its snake drawing in the doc's user data (and on standard output when
/// <c>snek_print</c> is true), marks snake words as SNAKE entities and lemmatizes them with the "snk" lookups.
/// Its drawing is saved with the model (snek.txt); a <c>snek_style</c> given when loading wins over the saved one.
/// </summary>
public sealed class SnekComponent : IPipe, IConfiguredDiskSerializable
{
    /// <summary>The factory name, as used in meta.json's "pipeline".</summary>
    public const string FactoryName = "snek";

    /// <summary>The setting that picks the drawing: "basic" or "cute".</summary>
    public const string StyleSetting = "snek_style";

    /// <summary>The setting that prints the drawing for every doc.</summary>
    public const string PrintSetting = "snek_print";

    /// <summary>The user-data key under which each processed doc gets the drawing.</summary>
    public static readonly UserDataKey SnakeKey = new("snek", "snake");

    /// <summary>The entity label given to snake words.</summary>
    public const string Label = "SNAKE";

    private const string FileName = "snek.txt";
    private static readonly HashSet<string> SnakeWords = new(StringComparer.OrdinalIgnoreCase) { "snek", "sneks", "snake", "snakes", "python", "cobra", "viper" };
    private readonly LookupTables? _lookups;

    /// <summary>Creates the component; <paramref name="config"/> may hold <c>snek_style</c> and <c>snek_print</c>.</summary>
    public SnekComponent(Language nlp, IReadOnlyDictionary<string, object?> config)
    {
        ArgumentNullException.ThrowIfNull(nlp);
        ArgumentNullException.ThrowIfNull(config);
        _lookups = Nlp.Lookups.TryGet(SnekLanguage.Code, out var tables) ? tables : null;
        Style = SettingOf(config, StyleSetting) ?? SnekArt.DefaultStyle;
        Snake = SnekArt.Styles.TryGetValue(Style, out var art)
            ? art
            : throw new ArgumentException($"Unknown {StyleSetting} '{Style}'. Use one of: {string.Join(", ", SnekArt.Styles.Keys)}.", nameof(config));
        Print = SettingOf(config, PrintSetting) is "true" or "True";
    }

    /// <inheritdoc />
    public string Name => FactoryName;

    /// <summary>The style name of <see cref="Snake"/> ("saved" after loading a drawing from disk).</summary>
    public string Style { get; private set; }

    /// <summary>The drawing this component shows.</summary>
    public string Snake { get; private set; }

    /// <summary>Whether each processed doc prints the drawing.</summary>
    public bool Print { get; }

    /// <inheritdoc />
    public Doc Process(Doc doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        if (Print)
        {
            Console.WriteLine(Snake);
        }

        doc.UserData[SnakeKey] = Snake;
        var entities = new List<Span>(doc.Ents);
        foreach (var token in doc.Tokens)
        {
            if (_lookups?.Lookup("lemma_lookup", token.Text.ToLowerInvariant()) is { } lemma)
            {
                token.Lemma = lemma;
            }

            if (SnakeWords.Contains(token.Text) && !entities.Exists(e => e.Start <= token.I && token.I < e.End))
            {
                entities.Add(new Span(doc, token.I, token.I + 1, Label));
            }
        }

        doc.Ents = entities;
        return doc;
    }

    /// <inheritdoc />
    public void ToDisk(string directory) => File.WriteAllText(Path.Combine(directory, FileName), Snake);

    /// <inheritdoc />
    public void FromDisk(string directory, IReadOnlyDictionary<string, object?> config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (SettingOf(config, StyleSetting) is not null)
        {
            return; // The caller asked for a style when loading: keep it rather than the saved drawing.
        }

        Snake = File.ReadAllText(Path.Combine(directory, FileName));
        Style = SnekArt.Styles.FirstOrDefault(p => p.Value == Snake).Key ?? "saved";
    }

    private static string? SettingOf(IReadOnlyDictionary<string, object?> config, string key) =>
        config.TryGetValue(key, out var value) && value is not null
            ? value is System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } e ? e.GetString() : value.ToString()
            : null;
}
