namespace Pipeline.Tokens;

/// <summary>What an extension attribute is attached to.</summary>
public enum ExtensionTarget
{
    /// <summary>The whole doc.</summary>
    Doc,

    /// <summary>A span of tokens.</summary>
    Span,

    /// <summary>A single token.</summary>
    Token,
}
