using Pipeline.Tokens;

namespace Pipeline.Testing;

/// <summary>
/// A tiny generated treebank: sentences of a toy English grammar ("the big dog chased Alice in a house .") with
/// gold tags, heads and labels, deterministic per seed.
/// </summary>
public static class ToyTreebank
{
    private static readonly string[] Determiners = ["the", "a", "every", "this"];
    private static readonly string[] Adjectives = ["big", "small", "red", "happy", "old", "quiet"];
    private static readonly string[] Nouns = ["dog", "cat", "house", "tree", "car", "bird", "garden", "river"];
    private static readonly string[] Verbs = ["sees", "likes", "chased", "found", "watches"];
    private static readonly string[] Names = ["Alice", "Bob", "Carol", "Dave"];
    private static readonly string[] Prepositions = ["in", "near", "behind"];

    /// <summary>Sentences with Pos, Tag, Head and Dep set; each doc is one sentence.</summary>
    public static List<Doc> Make(Vocab vocab, int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => ToDoc(vocab, [Sentence(random)])).ToList();
    }

    /// <summary>Docs of <paramref name="sentences"/> toy sentences each, with one tree per sentence.</summary>
    public static List<Doc> MakeMultiSentence(Vocab vocab, int count, int sentences, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => ToDoc(vocab, Enumerable.Range(0, sentences).Select(_ => Sentence(random)).ToList())).ToList();
    }

    /// <summary>A copy of the doc's words and tags, without a parse or sentence starts.</summary>
    public static Doc WordsAndTags(Doc gold)
    {
        var doc = new Doc(gold.Vocab, gold.Tokens.Select(t => t.Text).ToList(), gold.Tokens.Select(t => t.Whitespace).ToList());
        for (var i = 0; i < doc.Length; i++)
        {
            doc[i].Pos = gold[i].Pos;
            doc[i].Tag = gold[i].Tag;
        }

        return doc;
    }

    private static Doc ToDoc(Vocab vocab, List<List<Word>> sentences)
    {
        var words = sentences.SelectMany(s => s).ToList();
        var doc = new Doc(vocab, words.ConvertAll(w => w.Form));
        var offset = 0;
        foreach (var sentence in sentences)
        {
            for (var i = 0; i < sentence.Count; i++)
            {
                var token = doc[offset + i];
                token.Pos = sentence[i].Pos;
                token.Tag = sentence[i].Tag;
                token.Dep = sentence[i].Dep;
                token.HeadIndex = offset + sentence[i].Head;
            }

            offset += sentence.Count;
        }

        return doc;
    }

    private static List<Word> Sentence(Random random)
    {
        var words = new List<Word>();
        var subject = NounPhrase(random, words, "nsubj");
        var verb = words.Count;
        words.Add(new Word(Verbs[random.Next(Verbs.Length)], "VERB", "VBZ", "root", verb));
        var obj = NounPhrase(random, words, "obj");
        var modifier = -1;
        if (random.Next(2) == 0)
        {
            var preposition = words.Count;
            words.Add(new Word(Prepositions[random.Next(Prepositions.Length)], "ADP", "IN", "case", -1));
            modifier = NounPhrase(random, words, "obl");
            words[preposition] = words[preposition] with { Head = modifier };
        }

        words.Add(new Word(".", "PUNCT", ".", "punct", verb));
        words[subject] = words[subject] with { Head = verb };
        words[obj] = words[obj] with { Head = verb };
        if (modifier >= 0)
        {
            // Attach the prepositional phrase to the object noun half of the time, to the verb otherwise.
            var toNoun = random.Next(2) == 0;
            words[modifier] = words[modifier] with { Head = toNoun ? obj : verb, Dep = toNoun ? "nmod" : "obl" };
        }

        return words;
    }

    /// <summary>Adds a noun phrase and returns the index of its head noun (its own head is set by the caller).</summary>
    private static int NounPhrase(Random random, List<Word> words, string role)
    {
        if (random.Next(3) == 0)
        {
            words.Add(new Word(Names[random.Next(Names.Length)], "PROPN", "NNP", role, -1));
            return words.Count - 1;
        }

        var start = words.Count;
        var hasAdjective = random.Next(2) == 0;
        var noun = start + (hasAdjective ? 2 : 1);
        words.Add(new Word(Determiners[random.Next(Determiners.Length)], "DET", "DT", "det", noun));
        if (hasAdjective)
        {
            words.Add(new Word(Adjectives[random.Next(Adjectives.Length)], "ADJ", "JJ", "amod", noun));
        }

        words.Add(new Word(Nouns[random.Next(Nouns.Length)], "NOUN", "NN", role, -1));
        return noun;
    }

    private sealed record Word(string Form, string Pos, string Tag, string Dep, int Head);
}
