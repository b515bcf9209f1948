using System.Text;

namespace Pipeline.Build.Tests.Support;

/// <summary>Writes a tiny tagged CoNLL-U corpus and a matching IOB2 one, enough to train a tagger or ner in a second.</summary>
internal static class TinyCorpus
{
    private static readonly (string Word, string Tag)[][] Sentences =
    [
        [("the", "DET"), ("dog", "NOUN"), ("runs", "VERB"), (".", "PUNCT")],
        [("a", "DET"), ("cat", "NOUN"), ("sleeps", "VERB"), (".", "PUNCT")],
        [("Anna", "PROPN"), ("sees", "VERB"), ("the", "DET"), ("cat", "NOUN"), (".", "PUNCT")],
        [("the", "DET"), ("bird", "NOUN"), ("sings", "VERB"), (".", "PUNCT")],
        [("Paul", "PROPN"), ("likes", "VERB"), ("a", "DET"), ("dog", "NOUN"), (".", "PUNCT")],
        [("a", "DET"), ("dog", "NOUN"), ("sees", "VERB"), ("Anna", "PROPN"), (".", "PUNCT")],
    ];

    /// <summary>Writes ud/tiny/{train,dev}.conllu and ner/tiny/{train,dev}.iob2 under <paramref name="root"/>.</summary>
    public static void Write(string root)
    {
        foreach (var split in new[] { "train", "dev" })
        {
            Directory.CreateDirectory(Path.Combine(root, "ud", "tiny"));
            Directory.CreateDirectory(Path.Combine(root, "ner", "tiny"));
            var conllu = new StringBuilder();
            var iob = new StringBuilder();
            var n = 0;
            foreach (var sentence in Sentences)
            {
                conllu.Append("# sent_id = ").Append(++n).Append('\n');
                conllu.Append("# text = ").Append(string.Join(' ', sentence.Select(w => w.Word))).Append('\n');
                for (var i = 0; i < sentence.Length; i++)
                {
                    var (word, tag) = sentence[i];
                    var head = tag == "VERB" ? 0 : sentence.ToList().FindIndex(w => w.Tag == "VERB") + 1;
                    var rel = tag == "VERB" ? "root" : "dep";
                    conllu.Append($"{i + 1}\t{word}\t{word.ToLowerInvariant()}\t{tag}\t_\t_\t{head}\t{rel}\t_\t_\n");
                    iob.Append($"{i + 1}\t{word}\t{(tag == "PROPN" ? "B-PER" : "O")}\n");
                }

                conllu.Append('\n');
                iob.Append('\n');
            }

            File.WriteAllText(Path.Combine(root, "ud", "tiny", split + ".conllu"), conllu.ToString());
            File.WriteAllText(Path.Combine(root, "ner", "tiny", split + ".iob2"), iob.ToString());
        }
    }

    /// <summary>A template <c>xx_tiny</c> (lang "en") training <paramref name="pipeline"/> on the tiny corpus.</summary>
    public static string Template(string name, params string[] pipeline)
    {
        var corpora = string.Join(",\n", pipeline.Select(c => c is "ner" or "trf_ner"
            ? $"\"{c}\": {{ \"train\": \"ner/tiny/train.iob2\", \"dev\": \"ner/tiny/dev.iob2\" }}"
            : $"\"{c}\": {{ \"train\": \"ud/tiny/train.conllu\", \"dev\": \"ud/tiny/dev.conllu\" }}"));
        return $$"""
            {
              "lang": "en",
              "name": "{{name}}",
              "version": "1.2.3",
              "description": "tiny test model",
              "license": "MIT",
              "pipeline": [{{string.Join(", ", pipeline.Select(p => $"\"{p}\""))}}],
              "training": { "corpora": { {{corpora}} }, "n_iter": 2, "seed": 1 }
            }
            """;
    }
}
