using System.Globalization;
using Pipeline.IO;

namespace Pipeline.Corpora;

/// <summary>
/// Streams the sentences of a CoNLL-U file (Universal Dependencies format): comments (<c># sent_id</c>,
/// <c># text</c>), word lines, multiword-token ranges (<c>6-7</c>, kept as surface tokens) and empty nodes
/// (<c>8.1</c>, skipped). A malformed line raises E060 naming the file and line, and so does a <c># text</c> line
/// that the sentence's token forms do not spell (compared without whitespace, as the UD validator does). Files are
/// read as UTF-8 (or UTF-16 with a byte-order mark); invalid bytes raise E157.
/// </summary>
public static class ConlluReader
{
    private const int Columns = 10;

    /// <summary>Reads the sentences of the file at <paramref name="path"/> lazily, one at a time (E062 if missing).</summary>
    public static IEnumerable<ConlluSentence> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        CorpusFile.RequireExists(path);

        return ReadFile(path);
    }

    /// <summary>Reads sentences from <paramref name="reader"/>; <paramref name="source"/> names it in errors.</summary>
    public static IEnumerable<ConlluSentence> Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        return Parse(reader, source, isFile: false);
    }

    private static IEnumerable<ConlluSentence> ReadFile(string path)
    {
        using var reader = TextFiles.Open(path);
        foreach (var sentence in Parse(reader, path, isFile: true))
        {
            yield return sentence;
        }
    }

    private static IEnumerable<ConlluSentence> Parse(TextReader reader, string source, bool isFile)
    {
        var builder = new SentenceBuilder(source);
        var lineNumber = 0;
        string? line;
        while ((line = TextFiles.ReadLine(reader, source, isFile, lineNumber + 1)) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                if (builder.TryBuild() is { } sentence)
                {
                    yield return sentence;
                }

                continue;
            }

            if (line[0] == '#')
            {
                builder.AddComment(line, lineNumber);
                continue;
            }

            builder.AddLine(line, lineNumber);
        }

        if (builder.TryBuild() is { } last)
        {
            yield return last;
        }
    }

    /// <summary>Whether a MISC column holds <c>SpaceAfter=No</c>.</summary>
    internal static bool NoSpaceAfter(string misc)
    {
        foreach (var range in misc.AsSpan().Split('|'))
        {
            if (misc.AsSpan(range.Start.Value, range.End.Value - range.Start.Value).SequenceEqual("SpaceAfter=No"))
            {
                return true;
            }
        }

        return false;
    }

    private static string Field(string value) => value == "_" ? string.Empty : value;

    /// <summary>Collects the lines of one sentence and validates them as a whole when it ends.</summary>
    private sealed class SentenceBuilder(string source)
    {
        private readonly List<string[]> _words = [];
        private readonly List<int> _wordLines = [];
        private readonly List<(int First, int Last, string Form, string Misc, int Line)> _ranges = [];
        private readonly List<string> _comments = [];
        private string? _sentId;
        private string? _text;
        private int _textLine;
        private int _startLine;

        public void AddComment(string line, int lineNumber)
        {
            if (_startLine == 0)
            {
                _startLine = lineNumber;
            }

            var comment = line.AsSpan(1).Trim().ToString();
            _comments.Add(comment);
            if (TryValue(comment, "sent_id", out var id))
            {
                _sentId = id;
            }
            else if (TryValue(comment, "text", out var text))
            {
                _text = text;
                _textLine = lineNumber;
            }
        }

        public void AddLine(string line, int lineNumber)
        {
            if (_startLine == 0)
            {
                _startLine = lineNumber;
            }

            var columns = line.Split('\t');
            if (columns.Length != Columns)
            {
                var hint = columns.Length == 1 && line.Contains(' ') ? " (columns must be separated by tabs, not spaces)" : string.Empty;
                throw Errors.CorpusLine(source, lineNumber, $"found {columns.Length} columns, expected {Columns}{hint}");
            }

            var id = columns[0];
            var expected = _words.Count + 1;
            var dash = id.IndexOf('-');
            var dot = id.IndexOf('.');
            if (dash > 0)
            {
                if (!TryInt(id.AsSpan(0, dash), out var first) || !TryInt(id.AsSpan(dash + 1), out var last) || last <= first)
                {
                    throw Errors.CorpusLine(source, lineNumber, $"bad multiword-token range '{id}' (expected e.g. '6-7')");
                }

                if (first != expected || (_ranges.Count > 0 && _ranges[^1].Last >= first))
                {
                    throw Errors.CorpusLine(source, lineNumber, $"multiword-token range '{id}' must start at the next word, {expected}");
                }

                RequireForm(columns[1], lineNumber);
                _ranges.Add((first, last, columns[1], Field(columns[9]), lineNumber));
                return;
            }

            if (dot > 0)
            {
                if (!TryInt(id.AsSpan(0, dot), out var after, allowZero: true) || !TryInt(id.AsSpan(dot + 1), out _) || after > _words.Count)
                {
                    throw Errors.CorpusLine(source, lineNumber, $"bad empty-node ID '{id}' (expected e.g. '{_words.Count}.1')");
                }

                return;
            }

            if (!TryInt(id, out var number))
            {
                throw Errors.CorpusLine(source, lineNumber, $"bad ID '{id}' (expected a word number, a range '6-7' or an empty node '8.1')");
            }

            if (number != expected)
            {
                throw Errors.CorpusLine(source, lineNumber, $"word ID {number} is out of sequence (expected {expected})");
            }

            RequireForm(columns[1], lineNumber);
            if (columns[6] != "_")
            {
                if (!TryInt(columns[6], out var head, allowZero: true))
                {
                    throw Errors.CorpusLine(source, lineNumber, $"bad HEAD '{columns[6]}' (expected 0 for the root or a word ID)");
                }

                if (head == number)
                {
                    throw Errors.CorpusLine(source, lineNumber, $"word {number} is its own head");
                }
            }

            if (ConlluNer.Find(columns[9]) is { } tag && !ConlluNer.IsTag(tag))
            {
                throw Errors.CorpusLine(source, lineNumber, $"MISC entry NER={tag} is not O, B-LABEL or I-LABEL");
            }

            _words.Add(columns);
            _wordLines.Add(lineNumber);
        }

        public ConlluSentence? TryBuild()
        {
            if (_words.Count == 0)
            {
                if (_ranges.Count > 0)
                {
                    throw Errors.CorpusLine(source, _ranges[0].Line, "multiword-token range without words");
                }

                Reset();
                return null;
            }

            var n = _words.Count;
            foreach (var range in _ranges)
            {
                if (range.Last > n)
                {
                    throw Errors.CorpusLine(source, range.Line, $"multiword-token range {range.First}-{range.Last} runs past the last word, {n}");
                }
            }

            var words = new ConlluWord[n];
            var tokens = new List<ConlluToken>(n);
            var nextRange = 0;
            for (var i = 0; i < n; i++)
            {
                var c = _words[i];
                var misc = Field(c[9]);
                var space = !NoSpaceAfter(misc);
                if (nextRange < _ranges.Count && _ranges[nextRange].First == i + 1)
                {
                    var r = _ranges[nextRange++];
                    var rangeSpace = !NoSpaceAfter(r.Misc);
                    tokens.Add(new ConlluToken(r.Form, r.First - 1, r.Last, rangeSpace, r.Misc));
                    for (var j = r.First - 1; j < r.Last; j++)
                    {
                        words[j] = MakeWord(j, j == r.Last - 1 && rangeSpace);
                    }

                    i = r.Last - 1;
                    continue;
                }

                tokens.Add(new ConlluToken(c[1], i, i + 1, space, misc));
                words[i] = MakeWord(i, space);
            }

            RequireNoCycle(words);
            if (_text is not null)
            {
                RequireTextMatches(tokens);
            }

            var sentence = new ConlluSentence(words, tokens, _comments.ToArray(), _sentId, _text, _startLine);
            Reset();
            return sentence;
        }

        private ConlluWord MakeWord(int i, bool space)
        {
            var c = _words[i];
            int? head = c[6] == "_" ? null : int.Parse(c[6], NumberStyles.None, CultureInfo.InvariantCulture);
            if (head > _words.Count)
            {
                throw Errors.CorpusLine(source, _wordLines[i], $"HEAD {head} is outside the sentence of {_words.Count} words");
            }

            var lemma = c[2] == "_" && c[1] != "_" ? string.Empty : c[2];
            return new ConlluWord(
                i + 1, c[1], lemma, Field(c[3]), Field(c[4]), Field(c[5]), head, Field(c[7]), Field(c[8]), Field(c[9]),
                space, _wordLines[i]);
        }

        /// <summary>E060 when following HEAD from some word comes back to it (a tree has no cycles).</summary>
        private void RequireNoCycle(ConlluWord[] words)
        {
            // seen[i]: 0 unvisited, the start word + 1 while on the path from that word, -1 when known to reach the root.
            var seen = new int[words.Length];
            for (var start = 0; start < words.Length; start++)
            {
                var i = start;
                while (i >= 0 && seen[i] == 0)
                {
                    seen[i] = start + 1;
                    i = words[i].Head is { } head and > 0 ? head - 1 : -1;
                }

                if (i >= 0 && seen[i] == start + 1)
                {
                    var cycle = new List<int> { i + 1 };
                    for (var k = words[i].Head!.Value; k != i + 1; k = words[k - 1].Head!.Value)
                    {
                        cycle.Add(k);
                    }

                    throw Errors.CorpusLine(source, words[i].Line, $"HEAD values form a cycle ({string.Join(" -> ", cycle)} -> {i + 1})");
                }

                for (var k = start; k >= 0 && seen[k] == start + 1; k = words[k].Head is { } h and > 0 ? h - 1 : -1)
                {
                    seen[k] = -1;
                }
            }
        }

        /// <summary>E060 at the <c># text</c> line when the token forms do not spell the text (<see cref="ConlluText"/>).</summary>
        private void RequireTextMatches(List<ConlluToken> tokens)
        {
            var at = ConlluText.FirstMismatch(_text!, tokens, out var rest);
            if (at < 0)
            {
                return;
            }

            var forms = string.Concat(tokens.Select(k => k.SpaceAfter ? k.Form + " " : k.Form)).TrimEnd();
            var where = at < tokens.Count
                ? $"they depart from it at '{tokens[at].Form}' (line {FirstLine(tokens[at])})"
                : $"they end before its '{Shorten(rest)}'";
            throw Errors.CorpusLine(
                source, _textLine,
                $"'# text = {Shorten(_text!)}' is not spelled by the word forms '{Shorten(forms)}': {where}. The text is " +
                "compared with the forms without whitespace, a multiword token by the form of its range line; fix the " +
                "# text line or the FORM column",
                explainColumns: false);
        }

        private int FirstLine(ConlluToken token) =>
            token.IsMultiword ? _ranges.First(r => r.First - 1 == token.FirstWord).Line : _wordLines[token.FirstWord];

        private static string Shorten(string text) => text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 120), "...");

        private void RequireForm(string form, int lineNumber)
        {
            if (form.Length == 0)
            {
                throw Errors.CorpusLine(source, lineNumber, "FORM is empty");
            }
        }

        private void Reset()
        {
            _words.Clear();
            _wordLines.Clear();
            _ranges.Clear();
            _comments.Clear();
            _sentId = null;
            _text = null;
            _textLine = 0;
            _startLine = 0;
        }

        private static bool TryValue(string comment, string key, out string value)
        {
            value = string.Empty;
            if (!comment.StartsWith(key, StringComparison.Ordinal))
            {
                return false;
            }

            var rest = comment.AsSpan(key.Length).TrimStart();
            if (rest.Length == 0 || rest[0] != '=')
            {
                return false;
            }

            value = rest[1..].Trim().ToString();
            return true;
        }

        private static bool TryInt(ReadOnlySpan<char> text, out int value, bool allowZero = false) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && (value > 0 || (allowZero && value == 0));
    }
}
