using Pipeline.Tokens;

namespace Pipeline.Components;

/// <summary>
/// Declares the token attributes a component reads and writes. Training uses it to leave out, on a corpus, the
/// components whose output no learning component reads (the parser, say, while the recognizer learns from an IOB2
/// file), which changes nothing in the trained models. A component that does not implement it is taken to read and
/// write everything, so it always runs.
/// </summary>
public interface IDeclaresAttributes
{
    /// <summary>The attributes <see cref="IPipe.Process"/> looks at.</summary>
    IReadOnlyList<Attr> Reads { get; }

    /// <summary>The attributes <see cref="IPipe.Process"/> sets.</summary>
    IReadOnlyList<Attr> Writes { get; }
}
