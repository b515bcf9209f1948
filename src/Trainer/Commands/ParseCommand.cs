using System.CommandLine;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Pipeline.Corpora;
using Pipeline.IO;
using Pipeline.Serialization;
using Pipeline.Trainer.Conllu;
using Pipeline.Trainer.Evaluation;
using Pipeline.Trainer.Plugins;
using Spectre.Console;

namespace Pipeline.Trainer.Commands;

/// <summary><c>pipeline parse</c>: annotates text or gold tokens with a model and writes CoNLL-U.</summary>
internal static partial class ParseCommand
{
    private const string Accepts = "raw text (.txt, UTF-8: one document per line or paragraph) or CoNLL-U (.conllu, .conll)";

    public static Command Create(CliContext cli)
    {
        var model = new Argument<string>("model") { Description = "Model directory (with meta.json) or installed model package name." };
        var input = new Argument<string>("input")
        {
            Description = "Raw text (.txt: one document per line, or per paragraph when blank lines separate them) or " +
                "a CoNLL-U file (.conllu or .conll, or content that is CoNLL-U: its # text lines are tokenized, or its " +
                "words kept with --gold-tokens). IOB2 corpora, DocBins and other binary files are refused.",
        };
        var output = new Option<string>("--output", "-o") { Description = "The CoNLL-U file to write.", Required = true };
        var goldTokens = new Option<bool>("--gold-tokens") { Description = "Keep the words of the CoNLL-U input instead of tokenizing its text." };
        var plugins = ToolPlugins.Option();
        var command = new Command(
            "parse",
            "Annotate text with a model and write CoNLL-U: lemma, UPOS, XPOS, features, heads and relations, sentence " +
            "splits, and entities in MISC as NER=B-PER / I-PER / O.")
        {
            model, input, output, goldTokens, plugins,
        };
        command.SetAction(result => cli.Guard(() =>
        {
            BlankValues.Reject(result);
            return Run(cli, result.GetValue(model)!, result.GetValue(input)!, result.GetValue(output)!, result.GetValue(goldTokens), result.GetValue(plugins));
        }));
        return command;
    }

    private static int Run(CliContext cli, string modelPath, string inputPath, string outputPath, bool goldTokens, string? plugins)
    {
        if (!File.Exists(inputPath))
        {
            throw TrainerErrors.InputMissing("Input", inputPath);
        }

        if (FilePaths.Same(inputPath, outputPath))
        {
            throw TrainerErrors.OutputIsInput(outputPath, inputPath);
        }

        AtomicFile.CheckFileTarget(outputPath);
        var conllu = IsConllu(inputPath);
        if (goldTokens && !conllu)
        {
            throw TrainerErrors.GoldTokensNeedConllu(inputPath);
        }

        var nlp = Nlp.Load(ToolPlugins.Prepare(modelPath, plugins));
        var clock = Stopwatch.StartNew();
        long words = 0;
        var sentences = 0;
        AtomicFile.Write(outputPath, stream =>
        {
            using var text = new StreamWriter(stream, bufferSize: 1 << 16);
            var writer = new ConlluWriter(text);
            if (goldTokens)
            {
                foreach (var sentence in ConlluReader.Read(inputPath))
                {
                    var doc = ModelEvaluator.Unannotated(sentence.ToDoc(nlp.Vocab));
                    foreach (var (_, pipe) in nlp.Pipeline)
                    {
                        doc = pipe.Process(doc);
                    }

                    var newDoc = sentence.Comments.FirstOrDefault(c => c.StartsWith("newdoc", StringComparison.Ordinal));
                    writer.Write(doc, newDoc is null ? null : Value(newDoc), asOneSentence: true, sentence.SentId, sentence.Text);
                }
            }
            else
            {
                var number = 0;
                foreach (var doc in nlp.Pipe(Documents(inputPath, conllu)))
                {
                    writer.Write(doc, $"doc{++number}");
                }
            }

            sentences = writer.Sentences;
            words = writer.Words;
        });

        var rate = clock.Elapsed.TotalSeconds > 0 ? words / clock.Elapsed.TotalSeconds : 0;
        cli.Console.MarkupLine($"Wrote {sentences} sentence(s), {words} word(s) to [bold]{Markup.Escape(outputPath)}[/] ({rate:0} words/s).");
        return 0;
    }

    /// <summary>
    /// Whether the input is CoNLL-U (by its .conllu/.conll extension or its first token line) rather than raw text;
    /// E158 for an IOB2 corpus, a DocBin or binary data, E157 for text that is not UTF-8.
    /// </summary>
    private static bool IsConllu(string path)
    {
        TextInput.Require(path, "parse", Accepts);
        var extension = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        if (extension is "conllu" or "conll")
        {
            return true;
        }

        var sniffed = extension is "iob2" or "iob" or "bio" ? CorpusFormat.Iob2 : CorpusSniffer.Sniff(path);
        return sniffed == CorpusFormat.Iob2
            ? throw TrainerErrors.InputKind(path, "an IOB2 named-entity corpus", "parse", Accepts + "; score entities with pipeline evaluate")
            : sniffed == CorpusFormat.Conllu;
    }

    /// <summary>The documents of the input: .conllu raw text by document, else lines or paragraphs of the text.</summary>
    private static IEnumerable<string> Documents(string path, bool conllu)
    {
        if (conllu)
        {
            return RawTextDocuments.Group(ConlluReader.Read(path)).Select(d => d.Text);
        }

        var text = TextFiles.ReadAll(path).ReplaceLineEndings("\n");
        var pieces = BlankLine().IsMatch(text)
            ? BlankLine().Split(text).Select(p => string.Join(' ', p.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            : text.Split('\n').Select(l => l.Trim());
        return pieces.Where(p => p.Length > 0).ToList();
    }

    private static string Value(string comment)
    {
        var eq = comment.IndexOf('=');
        return eq < 0 ? comment : comment[(eq + 1)..].Trim();
    }

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex BlankLine();

}
