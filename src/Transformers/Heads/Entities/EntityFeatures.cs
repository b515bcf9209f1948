using System.IO.Hashing;
using System.Runtime.InteropServices;
using Pipeline.Tokens;

namespace Pipeline.Transformers.Heads.Entities;

/// <summary>
/// The hashed lexical features of the entity recognizer: the neural heads' <see cref="LexicalFeatures"/> (lowercase
/// form, prefix, suffix, shape) plus the exact, cased form. The cased form lets the lexical table learn which words
/// are names (a gazetteer learned from the training data), which the uncased encoder cannot tell.
/// </summary>
internal static class EntityFeatures
{
    /// <summary>Features per token.</summary>
    public const int Count = LexicalFeatures.Count + 1;

    // The ids a dropped feature takes, one per feature kind.
    private const ulong Unknown = 0x554E_4B4E_4F57_4E00UL;

    /// <summary>The hashed feature ids of every token of <paramref name="doc"/>, [tokens, <see cref="Count"/>].</summary>
    public static ulong[] Of(Doc doc)
    {
        var lexical = LexicalFeatures.Of(doc);
        var ids = new ulong[doc.Length * Count];
        for (var i = 0; i < doc.Length; i++)
        {
            lexical.AsSpan(i * LexicalFeatures.Count, LexicalFeatures.Count).CopyTo(ids.AsSpan(i * Count));
            ids[(i * Count) + LexicalFeatures.Count] = XxHash64.HashToUInt64(MemoryMarshal.AsBytes(doc[i].Text.AsSpan()), Count);
        }

        return ids;
    }

    /// <summary>
    /// For training: replaces each feature id with its feature's "unknown" id with probability <paramref name="rate"/>,
    /// so the recognizer learns to find names from the vectors and the other features, not only from words it has
    /// memorized (the perceptron ner's feature dropout does the same).
    /// </summary>
    public static void Drop(ulong[] ids, Random random, float rate)
    {
        if (rate <= 0)
        {
            return;
        }

        for (var i = 0; i < ids.Length; i++)
        {
            if (random.NextSingle() < rate)
            {
                ids[i] = Unknown + (ulong)(i % Count);
            }
        }
    }
}
