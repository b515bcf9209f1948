using System.Globalization;
using Pipeline.IO;

namespace Pipeline.Corpora;

/// <summary>
/// Streams the sentences of an IOB2 named-entity file: tab-separated <c>ID word TAG ...</c> lines (extra columns
/// are ignored), <c>#</c> comments, a blank line between sentences. Tags are repaired as they are read: a label
/// outside <see cref="Labels"/> and a stray <c>B-O</c> become <c>O</c> (counted in <see cref="MappedLabels"/>), and
/// an <c>I-</c> that does not continue an entity of its label starts one (counted in <see cref="RepairedTags"/>).
/// Malformed lines raise E061 naming the file and line; files are read as UTF-8 (or UTF-16 with a byte-order mark)
/// and invalid bytes raise E157. Not safe for concurrent reads.
/// </summary>
public sealed class Iob2Reader
{
    private readonly HashSet<string>? _labels;
    private readonly Dictionary<string, int> _mapped = new(StringComparer.Ordinal);

    /// <summary>Creates a reader keeping every label, or only those in <paramref name="labels"/> when given.</summary>
    public Iob2Reader(IEnumerable<string>? labels = null)
    {
        _labels = labels is null ? null : new HashSet<string>(labels, StringComparer.Ordinal);
    }

    /// <summary>The labels kept; null when every label is kept.</summary>
    public IReadOnlySet<string>? Labels => _labels;

    /// <summary>How many B-/I- tags of each label were turned into O so far (the label "O" counts stray <c>B-O</c>).</summary>
    public IReadOnlyDictionary<string, int> MappedLabels => _mapped;

    /// <summary>
    /// How many <c>I-</c> tags of the input follow no <c>B-</c>/<c>I-</c> of their label (read as <c>B-</c>, or as O
    /// when the label is not kept): each occurrence once, so the count depends on the file alone.
    /// </summary>
    public int RepairedTags { get; private set; }

    /// <summary>Reads the sentences of the file at <paramref name="path"/> lazily (E062 if missing).</summary>
    public IEnumerable<NerSentence> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        CorpusFile.RequireExists(path);

        return ReadFile(path);
    }

    /// <summary>Reads sentences from <paramref name="reader"/>; <paramref name="source"/> names it in errors.</summary>
    public IEnumerable<NerSentence> Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        return Parse(reader, source, isFile: false);
    }

    private IEnumerable<NerSentence> ReadFile(string path)
    {
        using var reader = TextFiles.Open(path);
        foreach (var sentence in Parse(reader, path, isFile: true))
        {
            yield return sentence;
        }
    }

    private IEnumerable<NerSentence> Parse(TextReader reader, string source, bool isFile)
    {
        var words = new List<string>();
        var tags = new List<string>();
        string? sentId = null;
        string? text = null;
        var start = 0;
        var lineNumber = 0;
        var previousTag = "O";
        string? line;
        while (true)
        {
            line = TextFiles.ReadLine(reader, source, isFile, lineNumber + 1);
            lineNumber++;
            if (line is null || string.IsNullOrWhiteSpace(line))
            {
                if (words.Count > 0)
                {
                    yield return new NerSentence(words.ToArray(), tags.ToArray(), sentId, text, start);
                }

                words.Clear();
                tags.Clear();
                previousTag = "O";
                sentId = null;
                text = null;
                start = 0;
                if (line is null)
                {
                    yield break;
                }

                continue;
            }

            if (start == 0)
            {
                start = lineNumber;
            }

            if (line[0] == '#')
            {
                var comment = line.AsSpan(1).Trim();
                sentId = Value(comment, "sent_id") ?? sentId;
                text = Value(comment, "text") ?? text;
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length < 3)
            {
                throw Errors.IobLine(source, lineNumber, $"found {columns.Length} column(s), expected at least 3");
            }

            if (!int.TryParse(columns[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1)
            {
                throw Errors.IobLine(source, lineNumber, $"bad ID '{columns[0]}' (expected a word number)");
            }

            if (id != words.Count + 1)
            {
                throw Errors.IobLine(source, lineNumber, $"word ID {id} is out of sequence (expected {words.Count + 1})");
            }

            if (columns[1].Length == 0)
            {
                throw Errors.IobLine(source, lineNumber, "the word is empty");
            }

            words.Add(columns[1]);
            tags.Add(Normalize(columns[2], tags.Count > 0 ? tags[^1] : "O", previousTag, source, lineNumber));
            previousTag = columns[2];
        }
    }

    // The tag as read: previous is the tag before it as read, written the tag before it as returned. An I- that
    // continues no entity in the file is counted here, once, whether or not its label is then kept, so that every
    // reader of one file (train with the dev corpus's labels, convert with all) reports the same count.
    private string Normalize(string tag, string written, string previous, string source, int lineNumber)
    {
        if (tag == "O")
        {
            return tag;
        }

        if (tag.Length < 3 || tag[1] != '-' || (tag[0] != 'B' && tag[0] != 'I'))
        {
            throw Errors.IobLine(source, lineNumber, $"bad tag '{tag}'");
        }

        var label = tag[2..];
        if (!ConlluNer.IsLabel(label))
        {
            throw Errors.IobLine(source, lineNumber, $"bad tag '{tag}': the label holds whitespace or '|', which CoNLL-U MISC cannot carry");
        }

        if (tag[0] == 'I' && label != "O" && (previous.Length < 3 || previous[1] != '-' || !previous.AsSpan(2).SequenceEqual(label)))
        {
            RepairedTags++;
        }

        if (label == "O" || (_labels is not null && !_labels.Contains(label)))
        {
            _mapped[label] = _mapped.GetValueOrDefault(label) + 1;
            return "O";
        }

        if (tag[0] == 'I' && (written == "O" || !written.AsSpan(2).SequenceEqual(label)))
        {
            return "B-" + label;
        }

        return tag;
    }

    private static string? Value(ReadOnlySpan<char> comment, string key)
    {
        if (!comment.StartsWith(key, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = comment[key.Length..].TrimStart();
        return rest.Length > 0 && rest[0] == '=' ? rest[1..].Trim().ToString() : null;
    }
}
