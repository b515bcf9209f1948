namespace Pipeline.Components.Lemmatization;

/// <summary>
/// How to turn a word form into its lemma (Chrupała 2008): optionally lower-case the form, then replace a prefix
/// and a suffix around the longest part the form and the lemma share ("studies" -> "study": strip "ies", add "y").
/// When they share nothing, the script names the whole lemma. Scripts are compared and stored by their
/// <see cref="Code"/>. Public so that other lemmatizers (the neural trf_lemmatizer) derive the same rules.
/// </summary>
public readonly record struct EditScript(bool Lower, string StripPrefix, string AddPrefix, string StripSuffix, string AddSuffix, string? Whole)
{
    private const char Separator = '\u001f';

    /// <summary>The identity script: the lemma is the form.</summary>
    public static readonly EditScript Identity = new(false, string.Empty, string.Empty, string.Empty, string.Empty, null);

    /// <summary>The script as one string, e.g. "0\u001f\u001f\u001fies\u001fy".</summary>
    public string Code => Whole is not null
        ? $"W{Separator}{Whole}"
        : string.Join(Separator, Lower ? "1" : "0", StripPrefix, AddPrefix, StripSuffix, AddSuffix);

    /// <summary>The script that turns <paramref name="form"/> into <paramref name="lemma"/>.</summary>
    public static EditScript Between(string form, string lemma)
    {
        var lower = lemma.Length > 0 && !HasUpper(lemma) && HasUpper(form);
        var source = lower ? form.ToLowerInvariant() : form;
        var (start, lemmaStart, length) = LongestCommonSubstring(source, lemma);
        if (length == 0 || length * 2 < Math.Min(source.Length, lemma.Length))
        {
            return new EditScript(false, string.Empty, string.Empty, string.Empty, string.Empty, lemma);
        }

        return new EditScript(
            lower,
            source[..start],
            lemma[..lemmaStart],
            source[(start + length)..],
            lemma[(lemmaStart + length)..],
            null);
    }

    /// <summary>Parses a <see cref="Code"/>; null when it is not a script.</summary>
    public static EditScript? Parse(string code)
    {
        var parts = code.Split(Separator);
        if (parts.Length == 2 && parts[0] == "W")
        {
            return new EditScript(false, string.Empty, string.Empty, string.Empty, string.Empty, parts[1]);
        }

        if (parts.Length != 5 || parts[0] is not ("0" or "1"))
        {
            return null;
        }

        return new EditScript(parts[0] == "1", parts[1], parts[2], parts[3], parts[4], null);
    }

    /// <summary>Applies the script; false when it does not fit the form (the prefix or suffix to strip is absent).</summary>
    public bool TryApply(string form, out string lemma)
    {
        if (Whole is not null)
        {
            lemma = Whole;
            return true;
        }

        var source = Lower ? form.ToLowerInvariant() : form;
        if (source.Length < StripPrefix.Length + StripSuffix.Length
            || !source.StartsWith(StripPrefix, StringComparison.Ordinal)
            || !source.EndsWith(StripSuffix, StringComparison.Ordinal))
        {
            lemma = form;
            return false;
        }

        var core = source.AsSpan(StripPrefix.Length, source.Length - StripPrefix.Length - StripSuffix.Length);
        lemma = string.Concat(AddPrefix, core, AddSuffix);
        return lemma.Length > 0;
    }

    private static bool HasUpper(string text)
    {
        foreach (var c in text)
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    private static (int Start, int LemmaStart, int Length) LongestCommonSubstring(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return (0, 0, 0);
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        var best = (Start: 0, LemmaStart: 0, Length: 0);
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : 0;
                if (current[j] > best.Length)
                {
                    best = (i - current[j], j - current[j], current[j]);
                }
            }

            (previous, current) = (current, previous);
        }

        return best;
    }
}
