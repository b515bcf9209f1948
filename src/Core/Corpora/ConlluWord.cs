namespace Pipeline.Corpora;

/// <summary>
/// One syntactic word of a CoNLL-U sentence with its gold annotation. Unspecified columns (<c>_</c>) are empty
/// strings, except a LEMMA of <c>_</c> on the word <c>_</c> itself.
/// </summary>
/// <param name="Id">The 1-based word index within the sentence.</param>
/// <param name="Form">The word form.</param>
/// <param name="Lemma">The lemma; empty when unspecified.</param>
/// <param name="Upos">The universal part-of-speech tag; empty when unspecified.</param>
/// <param name="Xpos">The language-specific tag; empty when unspecified.</param>
/// <param name="Feats">The morphological features in UD notation (<c>Number=Sing|Person=3</c>); empty when none.</param>
/// <param name="Head">The 1-based index of the head word, 0 for the root, or null when unannotated.</param>
/// <param name="Deprel">The dependency relation; empty when unspecified.</param>
/// <param name="Deps">The enhanced dependencies; empty when unspecified.</param>
/// <param name="Misc">The MISC column; empty when unspecified.</param>
/// <param name="SpaceAfter">
/// Whether a space follows the word in the text: false for <c>SpaceAfter=No</c> and for every word of a
/// multiword token but the last, which takes the token's own setting.
/// </param>
/// <param name="Line">The 1-based line number of the word in its file, for error messages.</param>
public sealed record ConlluWord(
    int Id,
    string Form,
    string Lemma,
    string Upos,
    string Xpos,
    string Feats,
    int? Head,
    string Deprel,
    string Deps,
    string Misc,
    bool SpaceAfter,
    int Line);
