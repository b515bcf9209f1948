namespace Pipeline.Tests.Training;

/// <summary>A tiny generated treebank: tagged sentences from a toy English grammar, deterministic per seed.</summary>
internal static class ToyCorpus
{
    private static readonly (string Word, string Pos, string Tag)[] Determiners = [("the", "DET", "DT"), ("a", "DET", "DT"), ("every", "DET", "DT"), ("this", "DET", "DT")];
    private static readonly (string, string, string)[] Adjectives = [("big", "ADJ", "JJ"), ("small", "ADJ", "JJ"), ("red", "ADJ", "JJ"), ("happy", "ADJ", "JJ"), ("old", "ADJ", "JJ"), ("quiet", "ADJ", "JJ")];
    private static readonly (string, string, string)[] Nouns = [("dog", "NOUN", "NN"), ("cat", "NOUN", "NN"), ("house", "NOUN", "NN"), ("tree", "NOUN", "NN"), ("car", "NOUN", "NN"), ("bird", "NOUN", "NN"), ("watches", "NOUN", "NNS"), ("found", "NOUN", "NN"), ("dogs", "NOUN", "NNS"), ("cats", "NOUN", "NNS"), ("trees", "NOUN", "NNS")];
    private static readonly (string, string, string)[] Verbs = [("sees", "VERB", "VBZ"), ("likes", "VERB", "VBZ"), ("chased", "VERB", "VBD"), ("found", "VERB", "VBD"), ("watches", "VERB", "VBZ")];
    private static readonly (string, string, string)[] Names = [("Alice", "PROPN", "NNP"), ("Bob", "PROPN", "NNP"), ("Carol", "PROPN", "NNP"), ("Dave", "PROPN", "NNP")];

    /// <summary>Sentences like "the big dog sees Alice ." with gold Pos and Tag.</summary>
    public static List<Doc> Make(Vocab vocab, int count, int seed)
    {
        var random = new Random(seed);
        var docs = new List<Doc>(count);
        for (var s = 0; s < count; s++)
        {
            var words = new List<(string Word, string Pos, string Tag)>();
            NounPhrase(random, words);
            words.Add(Verbs[random.Next(Verbs.Length)]);
            NounPhrase(random, words);
            words.Add((".", "PUNCT", "."));
            var doc = new Doc(vocab, words.ConvertAll(w => w.Word));
            for (var i = 0; i < words.Count; i++)
            {
                doc[i].Pos = words[i].Pos;
                doc[i].Tag = words[i].Tag;
                doc[i].Lemma = Lemma(words[i].Word, words[i].Pos);
                doc[i].Morph = Morph(words[i].Tag);
            }

            docs.Add(doc);
        }

        return docs;
    }

    /// <summary>The gold lemma of a toy word.</summary>
    public static string Lemma(string word, string pos) => (word, pos) switch
    {
        ("found", "VERB") => "find",
        ("watches", _) => "watch",
        ("chased", _) => "chase",
        ("sees" or "likes" or "dogs" or "cats" or "trees", _) => word[..^1],
        _ => word,
    };

    /// <summary>The gold morphological features of a toy tag.</summary>
    public static string Morph(string tag) => tag switch
    {
        "NN" or "NNP" => "Number=Sing",
        "NNS" => "Number=Plur",
        "VBZ" => "Number=Sing|Person=3|Tense=Pres",
        "VBD" => "Tense=Past",
        "JJ" => "Degree=Pos",
        _ => string.Empty,
    };

    /// <summary>A copy of the doc's words without annotation.</summary>
    public static Doc Strip(Doc doc) =>
        new(doc.Vocab, doc.Tokens.Select(t => t.Text).ToList(), doc.Tokens.Select(t => t.Whitespace).ToList());

    private static void NounPhrase(Random random, List<(string, string, string)> words)
    {
        if (random.Next(3) == 0)
        {
            words.Add(Names[random.Next(Names.Length)]);
            return;
        }

        words.Add(Determiners[random.Next(Determiners.Length)]);
        if (random.Next(2) == 0)
        {
            words.Add(Adjectives[random.Next(Adjectives.Length)]);
        }

        words.Add(Nouns[random.Next(Nouns.Length)]);
    }
}
