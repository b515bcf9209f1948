using System.Globalization;
using System.Text;
using Pipeline.Tokens;

namespace Pipeline.Corpora;

/// <summary>
/// Writes annotated docs as CoNLL-U that any Universal Dependencies tool (and <see cref="ConlluReader"/>) reads:
/// one sentence per doc sentence, <c># sent_id</c> and <c># text</c> comments, <c>SpaceAfter=No</c> and
/// entities as <c>NER=B-PER</c> / <c>NER=I-PER</c> / <c>NER=O</c> in MISC. Whitespace tokens are left out;
/// unannotated columns are <c>_</c>.
/// </summary>
public sealed class ConlluWriter
{
    private readonly TextWriter _writer;
    private int _sentences;
    private long _words;

    /// <summary>Writes to <paramref name="writer"/>.</summary>
    public ConlluWriter(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
    }

    /// <summary>How many sentences have been written.</summary>
    public int Sentences => _sentences;

    /// <summary>How many word lines have been written (whitespace tokens, which are left out, do not count).</summary>
    public long Words => _words;

    /// <summary>
    /// Writes a doc: split at its sentence boundaries (one sentence when it has none, or when
    /// <paramref name="asOneSentence"/>), starting with <c># newdoc id</c> when <paramref name="docId"/> is given.
    /// <paramref name="sentId"/> and <paramref name="text"/> replace the generated comments of a one-sentence doc.
    /// </summary>
    public void Write(Doc doc, string? docId = null, bool asOneSentence = false, string? sentId = null, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(doc);
        if (docId is not null)
        {
            _writer.Write("# newdoc id = ");
            _writer.WriteLine(docId);
        }

        var kept = new List<int>(doc.Length);
        for (var i = 0; i < doc.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(doc[i].Text))
            {
                kept.Add(i);
            }
        }

        if (kept.Count == 0)
        {
            return;
        }

        var starts = !asOneSentence && doc.HasSentenceBoundaries ? doc.SentenceStarts() : new bool[doc.Length];
        var begin = 0;
        for (var k = 1; k <= kept.Count; k++)
        {
            if (k == kept.Count || starts[kept[k]])
            {
                var single = begin == 0 && k == kept.Count;
                WriteSentence(doc, kept.GetRange(begin, k - begin), single ? sentId : null, single ? text : null);
                begin = k;
            }
        }
    }

    private void WriteSentence(Doc doc, List<int> tokens, string? sentId, string? text)
    {
        _sentences++;
        _words += tokens.Count;
        var idOf = new Dictionary<int, int>(tokens.Count);
        for (var w = 0; w < tokens.Count; w++)
        {
            idOf[tokens[w]] = w + 1;
        }

        var first = doc[tokens[0]];
        var last = doc[tokens[^1]];
        _writer.Write("# sent_id = ");
        _writer.WriteLine(sentId ?? _sentences.ToString(CultureInfo.InvariantCulture));
        _writer.Write("# text = ");
        _writer.WriteLine(OneLine(text ?? doc.Text[first.Idx..doc.CharEnd(last.I)]));
        var line = new StringBuilder();
        var multiwords = doc.MultiwordTokens;
        var next = 0;
        foreach (var i in tokens)
        {
            while (next < multiwords.Count && multiwords[next].Start < i)
            {
                next++;
            }

            if (next < multiwords.Count && multiwords[next].Start == i && idOf.ContainsKey(multiwords[next].End - 1))
            {
                var range = multiwords[next];
                _writer.Write(idOf[i]);
                _writer.Write('-');
                _writer.Write(idOf[range.End - 1]);
                _writer.Write('\t');
                _writer.Write(Field(range.Text));
                _writer.Write("\t_\t_\t_\t_\t_\t_\t_\t");
                _writer.WriteLine(Misc(doc, range.End - 1, spacing: true, ner: false));
            }

            var token = doc[i];
            line.Clear();
            line.Append(idOf[i]).Append('\t').Append(Field(token.Text)).Append('\t').Append(Field(token.Lemma)).Append('\t')
                .Append(Field(token.Pos)).Append('\t').Append(Field(token.Tag)).Append('\t').Append(Field(token.Morph)).Append('\t');
            if (doc.HeadColumn is { } heads)
            {
                line.Append(heads[i] == i ? 0 : idOf.GetValueOrDefault(heads[i]));
            }
            else
            {
                line.Append('_');
            }

            line.Append('\t').Append(Field(token.Dep)).Append("\t_\t").Append(Misc(doc, i, spacing: doc.MultiwordOf(i) < 0, ner: true));
            _writer.WriteLine(line.ToString());
        }

        _writer.WriteLine();
    }

    // The words of a multiword token leave SpaceAfter to its range line (the CoNLL-U convention).
    private static string Misc(Doc doc, int i, bool spacing, bool ner)
    {
        var parts = new List<string>(2);
        if (spacing && !doc[i].Whitespace && i + 1 < doc.Length && !string.IsNullOrWhiteSpace(doc[i + 1].Text))
        {
            parts.Add("SpaceAfter=No");
        }

        if (ner && doc.IobColumn is not null)
        {
            var token = doc[i];
            parts.Add(token.EntIobId switch
            {
                3 => $"{ConlluNer.MiscKey}=B-{token.EntType}",
                1 => $"{ConlluNer.MiscKey}=I-{token.EntType}",
                _ => $"{ConlluNer.MiscKey}=O",
            });
        }

        return parts.Count == 0 ? "_" : string.Join('|', parts);
    }

    private static string Field(string value) => value.Length == 0 ? "_" : OneLine(value).Replace('\t', ' ');

    private static string OneLine(string value) => value.ReplaceLineEndings(" ");
}
