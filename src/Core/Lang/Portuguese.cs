namespace Pipeline.Lang;

/// <summary>Portuguese ("pt").</summary>
public sealed class Portuguese : Language
{
    /// <summary>Creates a blank Portuguese pipeline.</summary>
    public Portuguese()
        : base(LanguageDefaults.Whitespace("pt"))
    {
    }
}
