namespace Pipeline.Lang;

/// <summary>French ("fr").</summary>
public sealed class French : Language
{
    /// <summary>Creates a blank French pipeline.</summary>
    public French()
        : base(LanguageDefaults.Whitespace("fr"))
    {
    }
}
