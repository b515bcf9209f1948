namespace Pipeline.Tokens;

/// <summary>
/// One surface token that stands for several syntactic words of a <see cref="Doc"/> (a CoNLL-U range line such as
/// <c>1-2 don't</c>, or pt "do" for "de" + "o"): the words <c>[Start, End)</c> and the text written in the input.
/// </summary>
/// <param name="Start">The index of its first word.</param>
/// <param name="End">The index one past its last word (at least <c>Start + 2</c>).</param>
/// <param name="Text">The surface text, which the words need not spell.</param>
public readonly record struct MultiwordToken(int Start, int End, string Text);
