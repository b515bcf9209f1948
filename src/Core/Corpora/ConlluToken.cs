namespace Pipeline.Corpora;

/// <summary>
/// One surface token of a CoNLL-U sentence: either a plain word or a multiword token (a range line such as
/// <c>6-7 don't</c>) whose words are <see cref="ConlluSentence.Words"/>[<see cref="FirstWord"/>..<see cref="EndWord"/>).
/// </summary>
/// <param name="Form">The surface text.</param>
/// <param name="FirstWord">The 0-based index of its first word.</param>
/// <param name="EndWord">The 0-based index one past its last word.</param>
/// <param name="SpaceAfter">Whether a space follows the token in the text.</param>
/// <param name="Misc">The MISC column of the range line (or of the word); empty when unspecified.</param>
public sealed record ConlluToken(string Form, int FirstWord, int EndWord, bool SpaceAfter, string Misc)
{
    /// <summary>Whether the token stands for more than one word.</summary>
    public bool IsMultiword => EndWord - FirstWord > 1;
}
