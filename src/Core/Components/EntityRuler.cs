using Pipeline.Components.Matching;
using Pipeline.Serialization;
using Pipeline.Tokens;

namespace Pipeline.Components;

/// <summary>
/// Rule-based named entities: phrase patterns ("Apple") and token patterns ([{"LOWER": "san"}, {"LOWER":
/// "francisco"}]) mark matching text as entities with the pattern's label and optional id (token.EntId). When
/// matches overlap, the longest wins and the earlier one breaks ties. Entities already in the doc are kept and
/// block overlapping matches, unless <see cref="OverwriteEnts"/> is set, in which case matches replace the
/// entities they overlap. Registered as the "entity_ruler" factory (config keys "overwrite_ents",
/// "phrase_matcher_attr" and "patterns"); saves <c>patterns.jsonl</c> and <c>cfg.json</c>. Safe for concurrent
/// <see cref="Process"/> calls, also while patterns are added.
/// </summary>
public sealed partial class EntityRuler : IPipe, IByteSerializable, IDiskSerializable, IDeclaresAttributes
{
    /// <summary>The factory name and default component name.</summary>
    public const string FactoryName = "entity_ruler";

    /// <summary>Config key: whether matches replace existing entities (bool).</summary>
    public const string OverwriteEntsKey = "overwrite_ents";

    /// <summary>Config key: the token attribute phrases are compared on, "ORTH" (default) or "LOWER".</summary>
    public const string PhraseMatcherAttrKey = "phrase_matcher_attr";

    /// <summary>Config key: initial patterns, as JSONL text or a list of patterns.</summary>
    public const string PatternsKey = "patterns";

    private readonly Language _nlp;
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private EntityRuleSet _rules;
    private volatile bool _overwriteEnts;

    /// <summary>
    /// Creates an empty ruler for <paramref name="nlp"/>, whose tokenizer splits phrase patterns.
    /// <paramref name="phraseMatcherAttr"/> is "ORTH" (exact text) or "LOWER" (case-insensitive).
    /// </summary>
    public EntityRuler(Language nlp, bool overwriteEnts = false, string phraseMatcherAttr = "ORTH")
    {
        ArgumentNullException.ThrowIfNull(nlp);
        _nlp = nlp;
        _overwriteEnts = overwriteEnts;
        _rules = new EntityRuleSet(nlp.Vocab, ParsePhraseAttr(phraseMatcherAttr) ?? throw Errors.InvalidArgument(
            "phraseMatcherAttr", $"is '{phraseMatcherAttr}'; use \"ORTH\" or \"LOWER\""));
    }

    /// <inheritdoc />
    public string Name => FactoryName;

    /// <summary>The text, the entities already in the doc, and the attributes the current token patterns test.</summary>
    public IReadOnlyList<Attr> Reads => Read(rules => rules.ReadAttributes().Concat([Attr.EntIob, Attr.EntType]).Distinct().ToList());

    /// <inheritdoc />
    public IReadOnlyList<Attr> Writes { get; } = Array.AsReadOnly<Attr>([Attr.EntIob, Attr.EntType, Attr.EntId]);

    /// <summary>Whether rule matches replace the existing entities they overlap (otherwise those entities win).</summary>
    public bool OverwriteEnts
    {
        get => _overwriteEnts;
        set => _overwriteEnts = value;
    }

    /// <summary>"ORTH" when phrases match exact token texts, "LOWER" when they match case-insensitively.</summary>
    public string PhraseMatcherAttr
    {
        get => Read(rules => rules.PhraseLower) ? "LOWER" : "ORTH";
        set
        {
            var lower = ParsePhraseAttr(value) ?? throw Errors.InvalidArgument(PhraseMatcherAttrKey, $"is '{value}'; use \"ORTH\" or \"LOWER\"");
            Write(() => _rules.SetPhraseLower(lower));
        }
    }

    /// <summary>The patterns, in the order added (token specs in canonical form).</summary>
    public IReadOnlyList<EntityPattern> Patterns => Read(rules => rules.Patterns.Select(p => p.Pattern).ToList());

    /// <summary>The distinct entity labels of the patterns, in ordinal order.</summary>
    public IReadOnlyList<string> Labels =>
        Read(rules => rules.Patterns.Select(p => p.Pattern.Label).Distinct().Order(StringComparer.Ordinal).ToList());

    /// <summary>
    /// Creates a ruler from a factory config: "overwrite_ents" (bool), "phrase_matcher_attr" ("ORTH" or "LOWER"),
    /// "patterns" (JSONL text, or a list of <see cref="EntityPattern"/>s or pattern objects). Other keys are ignored.
    /// </summary>
    public static EntityRuler FromConfig(Language nlp, IReadOnlyDictionary<string, object?> config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var overwrite = ConfigValues.GetBool(config, FactoryName, OverwriteEntsKey, false);
        var attr = ConfigValues.GetString(config, FactoryName, PhraseMatcherAttrKey) ?? "ORTH";
        if (ParsePhraseAttr(attr) is null)
        {
            throw Errors.BadConfig(FactoryName, PhraseMatcherAttrKey, $"is '{attr}'; use \"ORTH\" or \"LOWER\"");
        }

        var ruler = new EntityRuler(nlp, overwrite, attr);
        if (config.TryGetValue(PatternsKey, out var patterns) && patterns is not null)
        {
            ruler.AddConfigPatterns(patterns);
        }

        return ruler;
    }

    /// <summary>
    /// Adds patterns. All are validated first: an invalid one (empty, unknown attribute, bad OP or regex...) raises
    /// E050 naming its position in <paramref name="patterns"/>, its label and the field, and nothing is added.
    /// </summary>
    public void AddPatterns(IEnumerable<EntityPattern> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var list = patterns.ToList();
        AddCompiled(Compile(list, k => (field, problem) => Errors.InvalidEntityPattern(Describe(k, list[k]), field, problem)), replace: false);
    }

    /// <summary>Marks rule matches in <paramref name="doc"/> as entities, following the conflict policy.</summary>
    public Doc Process(Doc doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        if (doc.Length == 0)
        {
            return doc;
        }

        var matches = new List<RuleMatch>();
        _lock.EnterReadLock();
        try
        {
            _rules.FindMatches(doc, matches);
            if (matches.Count > 0)
            {
                Apply(doc, matches, _rules.Patterns, _overwriteEnts);
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }

        return doc;
    }

    private static void Apply(Doc doc, List<RuleMatch> matches, IReadOnlyList<CompiledPattern> patterns, bool overwrite)
    {
        matches.Sort(static (a, b) => a.Length != b.Length ? b.Length.CompareTo(a.Length)
            : a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.Pattern.CompareTo(b.Pattern));
        var existing = doc.Ents;
        var taken = new bool[doc.Length];
        if (!overwrite)
        {
            foreach (var ent in existing)
            {
                taken.AsSpan(ent.Start, ent.Length).Fill(true);
            }
        }

        var chosen = new List<RuleMatch>();
        foreach (var match in matches)
        {
            if (!taken.AsSpan(match.Start, match.Length).Contains(true))
            {
                taken.AsSpan(match.Start, match.Length).Fill(true);
                chosen.Add(match);
            }
        }

        if (chosen.Count == 0)
        {
            return;
        }

        var ents = new List<Span>(existing.Count + chosen.Count);
        foreach (var ent in existing)
        {
            if (!overwrite || !taken.AsSpan(ent.Start, ent.Length).Contains(true))
            {
                ents.Add(ent);
            }
            else if (doc.EntIdColumn is { } ids)
            {
                ids.AsSpan(ent.Start, ent.Length).Clear();
            }
        }

        var strings = doc.Vocab.Strings;
        foreach (var match in chosen)
        {
            var pattern = patterns[match.Pattern].Pattern;
            ents.Add(new Span(doc, match.Start, match.End, strings.Add(pattern.Label)));
            if (pattern.Id is not null || doc.EntIdColumn is not null)
            {
                var id = pattern.Id is null ? 0 : strings.Add(pattern.Id);
                Doc.Ensure(ref doc.EntIdColumn, doc.Length).AsSpan(match.Start, match.Length).Fill(id);
            }
        }

        doc.Ents = ents;
    }

    private static bool? ParsePhraseAttr(string? attr) => attr?.ToUpperInvariant() switch
    {
        "ORTH" or "TEXT" => false,
        "LOWER" => true,
        _ => null,
    };

    private static string Describe(int index, EntityPattern? pattern) => $"#{index} (label '{pattern?.Label}')";

    private List<CompiledPattern> Compile(IReadOnlyList<EntityPattern> patterns, Func<int, PatternFailure> failFor)
    {
        var compiled = new List<CompiledPattern>(patterns.Count);
        for (var k = 0; k < patterns.Count; k++)
        {
            var pattern = patterns[k] ?? throw failFor(k)("(pattern)", "is null");
            compiled.Add(EntityPatternCompiler.Compile(_nlp, pattern, failFor(k)));
        }

        return compiled;
    }

    /// <summary>Adds compiled patterns to the current set, or replaces the set (loading), under the write lock.</summary>
    private void AddCompiled(List<CompiledPattern> compiled, bool replace, bool? phraseLower = null)
    {
        Write(() =>
        {
            if (replace)
            {
                _rules = new EntityRuleSet(_nlp.Vocab, phraseLower ?? _rules.PhraseLower);
            }

            foreach (var pattern in compiled)
            {
                _rules.Add(pattern);
            }
        });
    }

    private T Read<T>(Func<EntityRuleSet, T> read)
    {
        _lock.EnterReadLock();
        try
        {
            return read(_rules);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private void Write(Action write)
    {
        _lock.EnterWriteLock();
        try
        {
            write();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }
}
