using System.Text;
using Pipeline.Corpora;
using Pipeline.Tokens;

namespace Pipeline.Training.Scoring;

/// <summary>
/// The words of a gold standard or of a system output, laid on one coordinate system: offsets into the gold
/// text with all whitespace removed (the CoNLL 2018 convention), so that any tokenization can be compared. Words
/// of a multiword token whose parts do not spell its surface form (pt "do" = "de" + "o") all share the token's span
/// and are flagged <see cref="Multi"/>; they are aligned by their forms.
/// </summary>
internal sealed class ScoredWords
{
    public List<int> Start { get; } = [];

    public List<int> End { get; } = [];

    public List<bool> Multi { get; } = [];

    public List<string> Form { get; } = [];

    public List<ulong> Upos { get; } = [];

    public List<ulong> Xpos { get; } = [];

    public List<ulong> Feats { get; } = [];

    public List<ulong> Lemma { get; } = [];

    public List<ulong> Deprel { get; } = [];

    /// <summary>The index of the head word, -1 for a root, -2 when unknown.</summary>
    public List<int> Head { get; } = [];

    public List<(int Start, int End)> Sentences { get; } = [];

    public List<(int Start, int End, string Label)> Entities { get; } = [];

    public bool HasUpos { get; private set; }

    public bool HasXpos { get; private set; }

    public bool HasFeats { get; private set; }

    public bool HasLemma { get; private set; }

    public bool HasHeads { get; private set; }

    public bool HasDeprel { get; private set; }

    public bool HasEntities { get; private set; }

    /// <summary>The gold text without whitespace (gold side only).</summary>
    public string Stream { get; private set; } = string.Empty;

    /// <summary>Whether a gold token starts or ends at each stream offset (gold side only).</summary>
    public bool[] Boundary { get; private set; } = [true];

    public int Count => Start.Count;

    /// <summary>The words of a doc used as gold standard: each non-whitespace token is a word.</summary>
    public static ScoredWords FromGold(Doc doc) => FromDoc(doc, null);

    /// <summary>The words of a system doc, aligned character by character to <paramref name="gold"/>'s text.</summary>
    public static ScoredWords FromSystem(Doc doc, ScoredWords gold) => FromDoc(doc, gold);

    /// <summary>The gold words of CoNLL-U sentences read as one running text.</summary>
    public static ScoredWords FromSentences(IReadOnlyList<ConlluSentence> sentences)
    {
        var result = new ScoredWords();
        var stream = new StringBuilder();
        var boundaries = new List<int> { 0 };
        foreach (var sentence in sentences)
        {
            var offset = result.Count;
            foreach (var token in sentence.Tokens)
            {
                var form = StripWhitespace(token.Form);
                var a = stream.Length;
                stream.Append(form);
                var b = stream.Length;
                boundaries.Add(b);
                var count = token.EndWord - token.FirstWord;
                var parts = new string[count];
                for (var k = 0; k < count; k++)
                {
                    parts[k] = StripWhitespace(sentence.Words[token.FirstWord + k].Form);
                }

                var spells = count == 1 || string.Concat(parts) == form;
                var position = a;
                for (var k = 0; k < count; k++)
                {
                    var word = sentence.Words[token.FirstWord + k];
                    var (start, end) = spells ? (position, position + parts[k].Length) : (a, b);
                    position += parts[k].Length;
                    int head = word.Head switch { null => -2, 0 => -1, var h => offset + h.Value - 1 };
                    result.Add(start, end, !spells, word.Form, Hash(word.Upos), Hash(word.Xpos),
                        UniversalFeatures.Feats(word.Feats), Hash(word.Lemma), UniversalFeatures.Deprel(word.Deprel), head);
                    result.HasUpos |= word.Upos.Length > 0;
                    result.HasXpos |= word.Xpos.Length > 0;
                    result.HasFeats |= word.Feats.Length > 0;
                    result.HasLemma |= word.Lemma.Length > 0;
                    result.HasHeads |= word.Head is not null;
                    result.HasDeprel |= word.Deprel.Length > 0;
                }
            }

            if (result.Count > offset)
            {
                result.Sentences.Add((result.Start[offset], result.End[^1]));
            }

            if (ConlluNer.Tags(sentence) is { } tags)
            {
                result.HasEntities = true;
                foreach (var (start, end, label) in ConlluNer.Spans(tags))
                {
                    result.Entities.Add((result.Start[offset + start], result.End[offset + end - 1], label));
                }
            }
        }

        result.SetStream(stream.ToString(), boundaries);
        return result;
    }

    private static ScoredWords FromDoc(Doc doc, ScoredWords? gold)
    {
        var result = new ScoredWords();
        var strings = doc.Vocab.Strings;
        var wordOf = new int[doc.Length];
        var texts = new List<string>(doc.Length);
        var tokens = new List<int>(doc.Length);
        for (var i = 0; i < doc.Length; i++)
        {
            var text = StripWhitespace(strings[doc.OrthColumn[i]]);
            wordOf[i] = text.Length == 0 ? -1 : texts.Count;
            if (text.Length > 0)
            {
                texts.Add(text);
                tokens.Add(i);
            }
        }

        var n = texts.Count;
        var (units, unitOf, shared) = AlignmentUnits(doc, texts, tokens);
        var starts = new int[units.Count];
        var ends = new int[units.Count];
        var multi = new bool[units.Count];
        if (gold is null)
        {
            var boundaries = new List<int> { 0 };
            var position = 0;
            for (var u = 0; u < units.Count; u++)
            {
                starts[u] = position;
                position += units[u].Length;
                ends[u] = position;
                boundaries.Add(position);
            }

            result.SetStream(string.Concat(units), boundaries);
        }
        else
        {
            CharAligner.Align(units, gold.Stream, gold.Boundary, starts, ends, multi);
        }

        result.HasUpos = HasAny(doc.PosColumn);
        result.HasXpos = HasAny(doc.TagColumn);
        result.HasFeats = doc.MorphColumn is not null;
        result.HasLemma = HasAny(doc.LemmaColumn);
        result.HasHeads = doc.HeadColumn is not null;
        result.HasDeprel = HasAny(doc.DepColumn);
        result.HasEntities = doc.IobColumn is not null;
        for (var w = 0; w < n; w++)
        {
            var i = tokens[w];
            var head = -2;
            if (doc.HeadColumn is { } heads)
            {
                head = heads[i] == i ? -1 : wordOf[heads[i]] is var h && h >= 0 ? h : -2;
            }

            var unit = unitOf[w];
            result.Add(starts[unit], ends[unit], multi[unit] || shared[unit], texts[w], Get(doc.PosColumn, i), Get(doc.TagColumn, i),
                doc.MorphColumn is { } morph && morph[i] != 0 ? UniversalFeatures.Feats(strings[morph[i]]) : 0,
                Get(doc.LemmaColumn, i),
                doc.DepColumn is { } deps && deps[i] != 0 ? UniversalFeatures.Deprel(strings[deps[i]]) : 0,
                head);
        }

        AddSentences(doc, wordOf, result);
        if (result.HasEntities)
        {
            foreach (var entity in doc.Ents)
            {
                var (first, last) = WordRange(wordOf, entity.Start, entity.End);
                if (first >= 0)
                {
                    result.Entities.Add((result.Start[first], result.End[last], entity.Label));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The strings laid on the text: each word on its own, except that the words of a multiword token that do not
    /// spell its surface form become one unit of that form, which they share.
    /// </summary>
    private static (List<string> Units, int[] UnitOf, List<bool> Shared) AlignmentUnits(Doc doc, List<string> texts, List<int> tokens)
    {
        var unitOf = new int[texts.Count];
        if (!doc.HasMultiwords)
        {
            for (var w = 0; w < unitOf.Length; w++)
            {
                unitOf[w] = w;
            }

            return (texts, unitOf, new List<bool>(new bool[texts.Count]));
        }

        var units = new List<string>(texts.Count);
        var shared = new List<bool>(texts.Count);
        var multiwords = doc.MultiwordTokens;
        var lastToken = -1;
        for (var w = 0; w < texts.Count; w++)
        {
            var m = doc.MultiwordOf(tokens[w]);
            if (m < 0 || doc.Spells(multiwords[m]))
            {
                unitOf[w] = units.Count;
                units.Add(texts[w]);
                shared.Add(false);
                continue;
            }

            if (m != lastToken)
            {
                units.Add(StripWhitespace(multiwords[m].Text));
                shared.Add(true);
                lastToken = m;
            }

            unitOf[w] = units.Count - 1;
        }

        return (units, unitOf, shared);
    }

    private static void AddSentences(Doc doc, int[] wordOf, ScoredWords result)
    {
        if (doc.Length == 0)
        {
            return;
        }

        var starts = doc.HasSentenceBoundaries ? doc.SentenceStarts() : new bool[doc.Length];
        starts[0] = true;
        var begin = 0;
        for (var i = 1; i <= doc.Length; i++)
        {
            if (i == doc.Length || starts[i])
            {
                var (first, last) = WordRange(wordOf, begin, i);
                if (first >= 0)
                {
                    result.Sentences.Add((result.Start[first], result.End[last]));
                }

                begin = i;
            }
        }
    }

    private static (int First, int Last) WordRange(int[] wordOf, int start, int end)
    {
        int first = -1, last = -1;
        for (var i = start; i < end; i++)
        {
            if (wordOf[i] >= 0)
            {
                first = first < 0 ? wordOf[i] : first;
                last = wordOf[i];
            }
        }

        return (first, last);
    }

    private void Add(int start, int end, bool multi, string form, ulong upos, ulong xpos, ulong feats, ulong lemma, ulong deprel, int head)
    {
        Start.Add(start);
        End.Add(end);
        Multi.Add(multi);
        Form.Add(form);
        Upos.Add(upos);
        Xpos.Add(xpos);
        Feats.Add(feats);
        Lemma.Add(lemma);
        Deprel.Add(deprel);
        Head.Add(head);
    }

    private void SetStream(string stream, List<int> boundaries)
    {
        Stream = stream;
        Boundary = new bool[stream.Length + 1];
        foreach (var b in boundaries)
        {
            Boundary[b] = true;
        }
    }

    private static ulong Hash(string value) => value.Length == 0 ? 0 : StringStore.Hash(value);

    private static ulong Get(ulong[]? column, int i) => column?[i] ?? 0;

    private static bool HasAny(ulong[]? column) => column is not null && Array.Exists(column, v => v != 0);

    private static string StripWhitespace(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return string.Concat(text.Where(ch => !char.IsWhiteSpace(ch)));
            }
        }

        return text;
    }
}
