using System.Text;

namespace Pipeline.Testing;

/// <summary>
/// Writes a small generated treebank (CoNLL-U with lemmas, UPOS, XPOS, features, heads and relations, and a
/// matching IOB2 file with PER/LOC entities): sentences like "the big dog sees Alice in Paris .", deterministic
/// per seed, with a few words that are nouns or verbs depending on context.
/// </summary>
public static class ToyTreebankFiles
{
    private static readonly string[] Determiners = ["the", "a", "every", "this"];
    private static readonly string[] Adjectives = ["big", "small", "red", "happy", "old", "quiet"];
    private static readonly string[] Nouns = ["dog", "cat", "house", "tree", "car", "bird", "watches", "found"];
    private static readonly (string Form, string Lemma, string Tag)[] Verbs =
        [("sees", "see", "VBZ"), ("likes", "like", "VBZ"), ("chased", "chase", "VBD"), ("found", "find", "VBD"), ("watches", "watch", "VBZ")];

    private static readonly string[] People = ["Alice", "Bob", "Carol", "Dave"];
    private static readonly string[] Places = ["Paris", "Lisbon", "Oslo"];

    /// <summary>Writes <c>train.conllu</c>, <c>dev.conllu</c>, <c>train.iob2</c> and <c>dev.iob2</c> into <paramref name="dir"/>.</summary>
    public static void Write(string dir, int train = 200, int dev = 60)
    {
        Directory.CreateDirectory(dir);
        WriteSplit(dir, "train", train, seed: 1);
        WriteSplit(dir, "dev", dev, seed: 2);
    }

    private static void WriteSplit(string dir, string name, int count, int seed)
    {
        var random = new Random(seed);
        var conllu = new StringBuilder();
        var iob = new StringBuilder();
        for (var s = 0; s < count; s++)
        {
            var words = Sentence(random);
            conllu.Append("# sent_id = ").Append(name).Append('-').Append(s + 1).Append('\n');
            conllu.Append("# text = ").Append(Text(words)).Append('\n');
            iob.Append("# text = ").Append(Text(words)).Append('\n');
            for (var i = 0; i < words.Count; i++)
            {
                var w = words[i];
                var misc = i + 1 < words.Count && words[i + 1].Form == "." ? "SpaceAfter=No" : "_";
                conllu.Append(i + 1).Append('\t').Append(w.Form).Append('\t').Append(w.Lemma).Append('\t').Append(w.Upos).Append('\t')
                    .Append(w.Xpos).Append('\t').Append(w.Feats).Append('\t').Append(w.Head).Append('\t').Append(w.Deprel)
                    .Append("\t_\t").Append(misc).Append('\n');
                iob.Append(i + 1).Append('\t').Append(w.Form).Append('\t').Append(w.Entity).Append('\n');
            }

            conllu.Append('\n');
            iob.Append('\n');
        }

        File.WriteAllText(Path.Combine(dir, name + ".conllu"), conllu.ToString());
        File.WriteAllText(Path.Combine(dir, name + ".iob2"), iob.ToString());
    }

    private static string Text(List<Word> words)
    {
        var text = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            if (i > 0 && words[i].Form != ".")
            {
                text.Append(' ');
            }

            text.Append(words[i].Form);
        }

        return text.ToString();
    }

    private static List<Word> Sentence(Random random)
    {
        var words = new List<Word>();
        var subject = NounPhrase(random, words);
        var verb = Verbs[random.Next(Verbs.Length)];
        words.Add(new Word(verb.Form, verb.Lemma, "VERB", verb.Tag, "Mood=Ind|VerbForm=Fin", 0, "root", "O"));
        var verbId = words.Count;
        var obj = NounPhrase(random, words);
        int? place = null;
        if (random.Next(2) == 0)
        {
            words.Add(new Word("in", "in", "ADP", "IN", "_", 0, "case", "O"));
            var caseId = words.Count;
            var city = Places[random.Next(Places.Length)];
            words.Add(new Word(city, city, "PROPN", "NNP", "Number=Sing", verbId, "obl", "B-LOC"));
            place = words.Count;
            words[caseId - 1] = words[caseId - 1] with { Head = place.Value };
        }

        words.Add(new Word(".", ".", "PUNCT", ".", "_", verbId, "punct", "O"));
        words[subject - 1] = words[subject - 1] with { Head = verbId, Deprel = "nsubj" };
        words[obj - 1] = words[obj - 1] with { Head = verbId, Deprel = "obj" };
        return words;
    }

    // Adds a noun phrase; returns the 1-based id of its head word (whose head is set by the caller).
    private static int NounPhrase(Random random, List<Word> words)
    {
        if (random.Next(3) == 0)
        {
            var name = People[random.Next(People.Length)];
            words.Add(new Word(name, name, "PROPN", "NNP", "Number=Sing", 0, "dep", "B-PER"));
            return words.Count;
        }

        var first = words.Count + 1;
        var det = Determiners[random.Next(Determiners.Length)];
        words.Add(new Word(det, det, "DET", "DT", "PronType=Art", 0, "det", "O"));
        var adjective = random.Next(2) == 0;
        if (adjective)
        {
            var adj = Adjectives[random.Next(Adjectives.Length)];
            words.Add(new Word(adj, adj, "ADJ", "JJ", "Degree=Pos", 0, "amod", "O"));
        }

        var noun = Nouns[random.Next(Nouns.Length)];
        var lemma = noun == "watches" ? "watch" : noun;
        words.Add(new Word(noun, lemma, "NOUN", noun == "watches" ? "NNS" : "NN", noun == "watches" ? "Number=Plur" : "Number=Sing", 0, "dep", "O"));
        var head = words.Count;
        for (var i = first; i < head; i++)
        {
            words[i - 1] = words[i - 1] with { Head = head };
        }

        return head;
    }

    private sealed record Word(string Form, string Lemma, string Upos, string Xpos, string Feats, int Head, string Deprel, string Entity);
}
