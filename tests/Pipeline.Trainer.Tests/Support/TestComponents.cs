using System.Text;
using Pipeline.Components;
using Pipeline.Serialization;
using Pipeline.Tokens;
using Pipeline.Training;

namespace Pipeline.Trainer.Tests.Support;

/// <summary>Registers the test doubles as factories (once per process).</summary>
public static class TestFactories
{
    public const string Memo = "test_pos_memo";
    public const string Probe = "test_probe";
    private static readonly object Gate = new();
    private static bool _done;

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_done)
            {
                return;
            }

            Language.Factories[Memo] = (_, _) => new PosMemo();
            Language.Factories[Probe] = (_, _) => new PredictionProbe();

            // The real entity recognizer lives on another branch; until it is merged a memorizing double stands in.
            if (!Language.Factories.Contains("ner"))
            {
                Language.Factories["ner"] = (_, _) => new MemoNer();
            }

            _done = true;
        }
    }
}

/// <summary>
/// A trainable double: counts the gold UPOS of each word while training (its raw state) and saves only the most
/// frequent tag per word (its "averaged" snapshot), so a checkpoint alone cannot continue training exactly.
/// </summary>
public sealed class PosMemo : ITrainable, IByteSerializable
{
    private readonly Dictionary<string, Dictionary<string, int>> _counts = new(StringComparer.Ordinal);
    private Dictionary<string, string> _table = new(StringComparer.Ordinal);
    private List<string> _labels = [];

    public string Name => TestFactories.Memo;

    public IReadOnlyList<string> Labels => _labels;

    public void Initialize(IEnumerable<Doc> golds)
    {
        _labels = golds.SelectMany(d => d.Tokens).Select(t => t.Pos).Where(p => p.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        _counts.Clear();
    }

    public TrainingLoss Update(Doc predicted, Doc gold)
    {
        var errors = 0;
        for (var i = 0; i < gold.Length; i++)
        {
            var word = gold[i].Text;
            var guess = Predict(word);
            predicted[i].Pos = guess;
            errors += guess == gold[i].Pos ? 0 : 1;
            if (!_counts.TryGetValue(word, out var tags))
            {
                _counts[word] = tags = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            tags[gold[i].Pos] = tags.GetValueOrDefault(gold[i].Pos) + 1;
        }

        return new TrainingLoss(errors, gold.Length);
    }

    public void FinishTraining() => _table = Snapshot();

    public Doc Process(Doc doc)
    {
        foreach (var token in doc.Tokens)
        {
            token.Pos = _table.GetValueOrDefault(token.Text, "X");
        }

        return doc;
    }

    public byte[] ToBytes()
    {
        var table = _counts.Count > 0 ? Snapshot() : _table;
        return Encoding.UTF8.GetBytes(string.Join('\n', table.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}\t{p.Value}")));
    }

    public void FromBytes(byte[] data)
    {
        _table = Encoding.UTF8.GetString(data).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('\t')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
    }

    private string Predict(string word) =>
        _counts.TryGetValue(word, out var tags) ? tags.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).First().Key : "X";

    private Dictionary<string, string> Snapshot() => _counts.ToDictionary(p => p.Key, p => Predict(p.Key), StringComparer.Ordinal);
}

/// <summary>A trainable double that records whether the docs it learns from carry an earlier component's Pos.</summary>
public sealed class PredictionProbe : ITrainable
{
    public static int TokensSeen;
    public static int TokensWithPos;

    public string Name => TestFactories.Probe;

    public IReadOnlyList<string> Labels => [];

    public void Initialize(IEnumerable<Doc> golds)
    {
    }

    public TrainingLoss Update(Doc predicted, Doc gold)
    {
        Interlocked.Add(ref TokensSeen, predicted.Length);
        Interlocked.Add(ref TokensWithPos, predicted.Tokens.Count(t => t.Pos.Length > 0));
        return new TrainingLoss(0, predicted.Length);
    }

    public void FinishTraining()
    {
    }

    public Doc Process(Doc doc) => doc;
}

/// <summary>A memorizing entity recognizer: each word's most frequent IOB2 tag.</summary>
public sealed class MemoNer : ITrainable, IByteSerializable
{
    private readonly Dictionary<string, string> _tags = new(StringComparer.Ordinal);

    public string Name => "ner";

    public IReadOnlyList<string> Labels => _tags.Values.Where(t => t != "O").Select(t => t[2..]).Distinct().Order(StringComparer.Ordinal).ToList();

    public void Initialize(IEnumerable<Doc> golds) => _tags.Clear();

    public TrainingLoss Update(Doc predicted, Doc gold)
    {
        for (var i = 0; i < gold.Length; i++)
        {
            _tags[gold[i].Text] = gold[i].EntIob == "O" || gold[i].EntIob.Length == 0 ? "O" : $"{gold[i].EntIob}-{gold[i].EntType}";
        }

        Process(predicted);
        return new TrainingLoss(0, gold.Length);
    }

    public void FinishTraining()
    {
    }

    public Doc Process(Doc doc)
    {
        for (var i = 0; i < doc.Length; i++)
        {
            var tag = _tags.GetValueOrDefault(doc[i].Text, "O");
            doc.SetEntity(i, tag == "O" ? (byte)2 : tag[0] == 'B' ? (byte)3 : (byte)1, tag == "O" ? 0 : doc.Vocab.Strings.Add(tag[2..]));
        }

        return doc;
    }

    public byte[] ToBytes() =>
        Encoding.UTF8.GetBytes(string.Join('\n', _tags.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}\t{p.Value}")));

    public void FromBytes(byte[] data)
    {
        _tags.Clear();
        foreach (var line in Encoding.UTF8.GetString(data).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\t');
            _tags[parts[0]] = parts[1];
        }
    }
}

/// <summary>A component that declares it writes only dependencies, and counts the docs it annotates.</summary>
public sealed class DependencyCounter : IPipe, IDeclaresAttributes
{
    private int _docs;

    public string Name => "dependency_counter";

    public int Docs => _docs;

    public IReadOnlyList<Attr> Reads => [Attr.Orth];

    public IReadOnlyList<Attr> Writes => [Attr.Dep];

    public Doc Process(Doc doc)
    {
        Interlocked.Increment(ref _docs);
        return doc;
    }
}

/// <summary>A learner that counts its updates and throws at the given one (1-based), naming itself.</summary>
public sealed class FailingLearner(string name, int failAt) : ITrainable
{
    private int _updates;

    public string Name => name;

    public IReadOnlyList<string> Labels => [];

    public int Updates => _updates;

    public void Initialize(IEnumerable<Doc> golds)
    {
    }

    public TrainingLoss Update(Doc predicted, Doc gold) =>
        ++_updates == failAt ? throw new InvalidOperationException($"{name} failed at update {failAt}") : new TrainingLoss(0, gold.Length);

    public void FinishTraining()
    {
    }

    public Doc Process(Doc doc) => doc;
}
