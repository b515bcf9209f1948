namespace Pipeline.Tokens;

public sealed partial class Doc
{
    /// <summary>
    /// Exports attributes as a matrix with one row per token and one column per attribute. String attributes are
    /// hashes; <see cref="Attr.Head"/> is a relative offset and <see cref="Attr.SentStart"/> is 1/-1/0, both in
    /// two's complement.
    /// </summary>
    public ulong[,] ToArray(params Attr[] attrs)
    {
        ArgumentNullException.ThrowIfNull(attrs);
        var result = new ulong[Length, attrs.Length];
        for (var a = 0; a < attrs.Length; a++)
        {
            for (var i = 0; i < Length; i++)
            {
                result[i, a] = GetAttr(i, attrs[a]);
            }
        }

        return result;
    }

    /// <summary>
    /// Imports attributes from a matrix shaped like the output of <see cref="ToArray"/>. Derived lexical attributes
    /// (Lower, Shape, Prefix, Suffix) cannot be set; Norm can (it is per token, 0 meaning the word type's norm).
    /// String hashes must be known to the vocab.
    /// </summary>
    public Doc FromArray(Attr[] attrs, ulong[,] array)
    {
        ArgumentNullException.ThrowIfNull(attrs);
        ArgumentNullException.ThrowIfNull(array);
        if (array.GetLength(0) != Length || array.GetLength(1) != attrs.Length)
        {
            throw Errors.ArrayShape(
                $"expected {Length} rows x {attrs.Length} columns, got {array.GetLength(0)} x {array.GetLength(1)}");
        }

        for (var a = 0; a < attrs.Length; a++)
        {
            var column = new ulong[Length];
            for (var i = 0; i < Length; i++)
            {
                column[i] = array[i, a];
            }

            SetColumn(attrs[a], column);
        }

        return this;
    }

    /// <summary>Reads one attribute of token <paramref name="i"/> in the encoding of <see cref="ToArray"/>.</summary>
    internal ulong GetAttr(int i, Attr attr) => attr switch
    {
        Attr.Orth => OrthColumn[i],
        Attr.Lower => Vocab.GetLexeme(OrthColumn[i]).Lower,
        Attr.Norm => NormOf(i),
        Attr.Shape => Vocab.GetLexeme(OrthColumn[i]).Shape,
        Attr.Prefix => Vocab.GetLexeme(OrthColumn[i]).Prefix,
        Attr.Suffix => Vocab.GetLexeme(OrthColumn[i]).Suffix,
        Attr.Lemma => LemmaColumn?[i] ?? 0,
        Attr.Pos => PosColumn?[i] ?? 0,
        Attr.Tag => TagColumn?[i] ?? 0,
        Attr.Morph => MorphColumn?[i] ?? 0,
        Attr.Dep => DepColumn?[i] ?? 0,
        Attr.Head => unchecked((ulong)(long)((HeadColumn?[i] ?? i) - i)),
        Attr.EntIob => IobColumn?[i] ?? 0,
        Attr.EntType => EntTypeColumn?[i] ?? 0,
        Attr.EntId => EntIdColumn?[i] ?? 0,
        Attr.SentStart => unchecked((ulong)(long)(SentStartColumn?[i] ?? 0)),
        Attr.Spacy => SpaceColumn[i] ? 1UL : 0UL,
        _ => throw Errors.OutOfRange(nameof(attr), attr, "it is not a known Attr"),
    };

    /// <summary>Sets a whole attribute column in the encoding of <see cref="ToArray"/>, validating every value.</summary>
    internal void SetColumn(Attr attr, ReadOnlySpan<ulong> values)
    {
        if (attr is Attr.Lower or Attr.Shape or Attr.Prefix or Attr.Suffix)
        {
            throw Errors.AttrNotSettable(attr);
        }

        switch (attr)
        {
            case Attr.Head:
                var heads = EnsureHeads();
                for (var i = 0; i < Length; i++)
                {
                    var head = i + unchecked((long)values[i]);
                    if (head < 0 || head >= Length)
                    {
                        throw Errors.ArrayShape($"head offset {unchecked((long)values[i])} of token {i} points outside the doc");
                    }

                    heads[i] = (int)head;
                }

                return;
            case Attr.EntIob:
                var iob = Ensure(ref IobColumn, Length);
                for (var i = 0; i < Length; i++)
                {
                    iob[i] = values[i] <= 3 ? (byte)values[i] : throw Errors.ArrayShape($"IOB code {values[i]} of token {i} is not 0-3");
                }

                return;
            case Attr.SentStart:
                var sent = Ensure(ref SentStartColumn, Length);
                for (var i = 0; i < Length; i++)
                {
                    var v = unchecked((long)values[i]);
                    sent[i] = v is >= -1 and <= 1 ? (sbyte)v : throw Errors.ArrayShape($"sentence start {v} of token {i} is not -1, 0 or 1");
                }

                return;
            case Attr.Spacy:
                for (var i = 0; i < Length; i++)
                {
                    SpaceColumn[i] = values[i] != 0;
                }

                RecomputeOffsets();
                return;
        }

        foreach (var hash in values)
        {
            if (!Vocab.Strings.Contains(hash))
            {
                throw Errors.UnknownString(hash);
            }
        }

        var target = attr switch
        {
            Attr.Orth => OrthColumn,
            Attr.Norm => Ensure(ref NormColumn, Length),
            Attr.Lemma => Ensure(ref LemmaColumn, Length),
            Attr.Pos => Ensure(ref PosColumn, Length),
            Attr.Tag => Ensure(ref TagColumn, Length),
            Attr.Morph => Ensure(ref MorphColumn, Length),
            Attr.Dep => Ensure(ref DepColumn, Length),
            Attr.EntType => Ensure(ref EntTypeColumn, Length),
            Attr.EntId => Ensure(ref EntIdColumn, Length),
            _ => throw Errors.OutOfRange(nameof(attr), attr, "it is not a known Attr"),
        };
        if (attr == Attr.Orth && values.Contains(0UL))
        {
            throw Errors.ArrayShape("a token text (Orth) is empty");
        }

        values.CopyTo(target);
        if (attr == Attr.Orth)
        {
            RecomputeOffsets();
        }
    }

    /// <summary>Copies tokens [start, end) into a new doc; heads pointing outside become roots.</summary>
    internal Doc Slice(int start, int end)
    {
        var n = end - start;
        var doc = new Doc(Vocab, OrthColumn[start..end], SpaceColumn[start..end]);
        doc.NormColumn = NormColumn?[start..end];
        doc.LemmaColumn = LemmaColumn?[start..end];
        doc.PosColumn = PosColumn?[start..end];
        doc.TagColumn = TagColumn?[start..end];
        doc.MorphColumn = MorphColumn?[start..end];
        doc.DepColumn = DepColumn?[start..end];
        doc.EntTypeColumn = EntTypeColumn?[start..end];
        doc.EntIdColumn = EntIdColumn?[start..end];
        doc.IobColumn = IobColumn?[start..end];
        doc.SentStartColumn = SentStartColumn?[start..end];
        if (doc.IobColumn is { Length: > 0 } && doc.IobColumn[0] == 1)
        {
            doc.IobColumn[0] = 3;
        }

        if (doc.SentStartColumn is { Length: > 0 })
        {
            doc.SentStartColumn[0] = 1;
        }

        if (HeadColumn is not null)
        {
            doc.HeadColumn = new int[n];
            for (var i = 0; i < n; i++)
            {
                var head = HeadColumn[start + i] - start;
                doc.HeadColumn[i] = head >= 0 && head < n ? head : i;
            }
        }

        if (MultiwordsIn(start, end) is { } multiwords)
        {
            doc.AttachMultiwords(multiwords);
        }

        CopyUserDataInto(doc, start, end);
        return doc;
    }

    private void CopyUserDataInto(Doc target, int start, int end)
    {
        if (!HasUserData)
        {
            return;
        }

        var startChar = start < Length ? IdxColumn[start] : 0;
        var endChar = end > start ? CharEnd(end - 1) : startChar;
        foreach (var (key, value) in UserData)
        {
            if (key.Start < 0)
            {
                target.UserData[key] = value;
            }
            else if (key.Start >= startChar && key.Start < endChar && key.End <= endChar)
            {
                var shifted = key with { Start = key.Start - startChar, End = key.End < 0 ? -1 : key.End - startChar };
                target.UserData[shifted] = value;
            }
        }
    }
}
