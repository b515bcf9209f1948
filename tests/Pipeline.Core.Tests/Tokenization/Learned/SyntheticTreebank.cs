using System.Text;
using Pipeline.Corpora;

namespace Pipeline.Tests.Tokenization.Learned;

/// <summary>
/// A small random Portuguese-like treebank for training the learned tokenizer in tests: sentences of words and
/// commas ending in '.', '?' or '!', some with the multiword tokens "do" (de + o) and "na" (em + a), and the
/// ambiguous "nos": a pronoun after a verb, else "em" + "os". Joined into documents of several sentences.
/// </summary>
internal static class SyntheticTreebank
{
    private static readonly HashSet<string> Verbs = ["viu", "leu", "abriu", "tem", "quer"];

    private static readonly string[] Words =
        ["o", "a", "e", "um", "gato", "menino", "casa", "livro", "porta", "rio", "vento", "mesa", "cidade", "amigo", "viu", "leu", "abriu", "tem", "quer"];

    public static List<ConlluSentence> Sentences(int count, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        for (var s = 0; s < count; s++)
        {
            var tokens = new List<(string Form, string[] Words, bool Space)>();
            var length = random.Next(3, 9);
            for (var w = 0; w < length; w++)
            {
                var roll = random.Next(10);
                var form = roll switch
                {
                    0 => "do",
                    1 => "na",
                    2 => "nos",
                    _ => Words[random.Next(Words.Length)],
                };
                if (w == 0)
                {
                    form = char.ToUpperInvariant(form[0]) + form[1..];
                }

                var afterVerb = tokens.Count > 0 && Verbs.Contains(tokens[^1].Form);
                string[] words = form.ToLowerInvariant() switch
                {
                    "nos" when !afterVerb && w > 0 => ["em", "os"],
                    "do" => [form[0] == 'D' ? "De" : "de", "o"],
                    "na" => [form[0] == 'N' ? "Em" : "em", "a"],
                    _ => [form],
                };
                var comma = w < length - 1 && random.Next(6) == 0;
                tokens.Add((form, words, !comma && w < length - 1));
                if (comma)
                {
                    tokens.Add((",", [","], true));
                }
            }

            tokens.Add(("?!."[random.Next(3)].ToString(), ["?!."[random.Next(3)].ToString()], false));
            tokens[^1] = (tokens[^1].Form, [tokens[^1].Form], false);
            Append(text, s, tokens);
        }

        return ConlluReader.Read(new StringReader(text.ToString()), "synthetic").ToList();
    }

    private static void Append(StringBuilder text, int s, List<(string Form, string[] Words, bool Space)> tokens)
    {
        if (s % 5 == 0)
        {
            text.Append("# newdoc id = d").Append(s).Append('\n');
        }

        text.Append("# text = ").Append(string.Concat(tokens.Select(t => t.Form + (t.Space ? " " : "")))).Append('\n');
        var id = 1;
        foreach (var (form, words, space) in tokens)
        {
            var misc = space ? "_" : "SpaceAfter=No";
            if (words.Length > 1)
            {
                text.Append(id).Append('-').Append(id + words.Length - 1).Append('\t').Append(form).Append("\t_\t_\t_\t_\t_\t_\t_\t").Append(misc).Append('\n');
                foreach (var word in words)
                {
                    text.Append(id++).Append('\t').Append(word).Append("\t_\tX\t_\t_\t_\t_\t_\t_\n");
                }
            }
            else
            {
                text.Append(id++).Append('\t').Append(form).Append("\t_\tX\t_\t_\t_\t_\t_\t").Append(misc).Append('\n');
            }
        }

        text.Append('\n');
    }
}
