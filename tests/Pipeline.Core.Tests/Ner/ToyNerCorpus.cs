namespace Pipeline.Tests.Ner;

/// <summary>A tiny generated NER corpus: sentences from a few templates with PER, LOC and ORG names, deterministic per seed.</summary>
internal static class ToyNerCorpus
{
    private static readonly string[][] People = [["Alice"], ["Bob", "Smith"], ["Carol", "Jones"], ["Dave"], ["Erin", "Lee"]];
    private static readonly string[][] Places = [["Paris"], ["New", "York"], ["Rome"], ["San", "Francisco"], ["Oslo"]];
    private static readonly string[][] Organizations = [["Acme", "Corp"], ["Globex"], ["United", "Nations"], ["Initech"], ["Umbrella", "Group"]];
    private static readonly string[] Templates =
    [
        "PER lives in LOC .",
        "PER works for ORG in LOC .",
        "yesterday PER met PER at ORG .",
        "the office of ORG is near LOC .",
        "we flew from LOC to LOC with PER .",
        "nothing happened today .",
    ];

    /// <summary>Sentences with gold entities (every other token O).</summary>
    public static List<Doc> Make(Vocab vocab, int count, int seed)
    {
        var random = new Random(seed);
        var docs = new List<Doc>(count);
        for (var s = 0; s < count; s++)
        {
            var words = new List<string>();
            var ents = new List<(int Start, int End, string Label)>();
            foreach (var slot in Templates[random.Next(Templates.Length)].Split(' '))
            {
                var names = slot switch { "PER" => People, "LOC" => Places, "ORG" => Organizations, _ => null };
                if (names is null)
                {
                    words.Add(slot);
                    continue;
                }

                var name = names[random.Next(names.Length)];
                ents.Add((words.Count, words.Count + name.Length, slot));
                words.AddRange(name);
            }

            var doc = new Doc(vocab, words);
            doc.Ents = ents.ConvertAll(e => new Span(doc, e.Start, e.End, e.Label));
            docs.Add(doc);
        }

        return docs;
    }

    /// <summary>A copy of the doc's words without annotation.</summary>
    public static Doc Strip(Doc doc) =>
        new(doc.Vocab, doc.Tokens.Select(t => t.Text).ToList(), doc.Tokens.Select(t => t.Whitespace).ToList());

    /// <summary>The entities as "text/LABEL" strings.</summary>
    public static List<string> Ents(Doc doc) => doc.Ents.Select(e => $"{e.Text}/{e.Label}").ToList();
}
