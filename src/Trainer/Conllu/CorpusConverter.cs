using Pipeline.Corpora;
using Pipeline.Tokens;

namespace Pipeline.Trainer.Conllu;

/// <summary>
/// Turns a corpus file into annotated docs, one per sentence: CoNLL-U with its full annotation (and entities from
/// <c>NER=</c> in MISC), or IOB2 entities. With a label set, entities of other labels become O and are counted in
/// <see cref="MappedLabels"/>. Malformed lines raise the readers' errors naming file and line.
/// </summary>
public sealed class CorpusConverter
{
    private readonly HashSet<string>? _labels;
    private readonly Dictionary<string, int> _mapped = new(StringComparer.Ordinal);

    /// <summary>Creates a converter keeping every entity label, or only <paramref name="nerLabels"/> when given.</summary>
    public CorpusConverter(IEnumerable<string>? nerLabels = null)
    {
        _labels = nerLabels is null ? null : new HashSet<string>(nerLabels, StringComparer.Ordinal);
    }

    /// <summary>How many entity tags of each label outside the chosen set became O.</summary>
    public IReadOnlyDictionary<string, int> MappedLabels => _mapped;

    /// <summary>How many IOB2 <c>I-</c> tags without a preceding entity were read as <c>B-</c>.</summary>
    public int RepairedTags { get; private set; }

    /// <summary>Reads the docs of <paramref name="path"/> into <paramref name="vocab"/>, lazily.</summary>
    public IEnumerable<Doc> Read(string path, CorpusFormat format, Vocab vocab)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(vocab);
        return format == CorpusFormat.Iob2 ? ReadIob2(path, vocab) : ReadConllu(path, vocab);
    }

    private IEnumerable<Doc> ReadIob2(string path, Vocab vocab)
    {
        var reader = new Iob2Reader(_labels);
        foreach (var sentence in reader.Read(path))
        {
            yield return sentence.ToDoc(vocab);
        }

        foreach (var (label, count) in reader.MappedLabels)
        {
            _mapped[label] = _mapped.GetValueOrDefault(label) + count;
        }

        RepairedTags += reader.RepairedTags;
    }

    private IEnumerable<Doc> ReadConllu(string path, Vocab vocab)
    {
        foreach (var sentence in ConlluReader.Read(path))
        {
            var doc = sentence.ToDoc(vocab);
            if (ConlluNer.Tags(sentence) is { } tags)
            {
                ConlluNer.Apply(doc, Filter(tags));
            }

            yield return doc;
        }
    }

    private string[] Filter(string[] tags)
    {
        if (_labels is null)
        {
            return tags;
        }

        for (var i = 0; i < tags.Length; i++)
        {
            if (tags[i] != "O" && !_labels.Contains(tags[i][2..]))
            {
                var label = tags[i][2..];
                _mapped[label] = _mapped.GetValueOrDefault(label) + 1;
                tags[i] = "O";
            }
        }

        return tags;
    }
}
