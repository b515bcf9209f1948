using System.CommandLine;
using Pipeline.IO;
using Pipeline.Serialization;
using Pipeline.Tokens;
using Pipeline.Trainer.Conllu;
using Spectre.Console;

namespace Pipeline.Trainer.Commands;

/// <summary><c>pipeline convert</c>: a corpus file to a DocBin file, through <see cref="CorpusConverter"/>.</summary>
internal static class ConvertCommand
{
    /// <summary>The attributes a converted DocBin stores: everything the corpora annotate.</summary>
    public static readonly Attr[] Attributes =
        [Attr.Orth, Attr.Lemma, Attr.Pos, Attr.Tag, Attr.Morph, Attr.Dep, Attr.Head, Attr.EntIob, Attr.EntType, Attr.SentStart];

    public static Command Create(CliContext cli)
    {
        var input = new Argument<string>("input") { Description = "Corpus file: CoNLL-U (.conllu) or IOB2 (.iob2)." };
        var output = new Argument<string>("output") { Description = "The DocBin file to write, named .spacy or .docbin (e.g. train.docbin)." };
        var format = new Option<string?>("--format", "-f") { Description = "Input format when the extension does not tell: conllu or iob2." };
        format.AcceptOnlyFromAmong("conllu", "iob2");
        var labels = new Option<string?>("--ner-labels")
        {
            Description = "Comma-separated entity labels to keep, e.g. PER,LOC,ORG; other labels become O (their counts are printed).",
        };
        var command = new Command(
            "convert",
            "Convert a CoNLL-U or IOB2 corpus into a DocBin file: one doc per sentence with words, spacing, lemmas, tags, " +
            "features, heads, relations, sentence starts and entities.")
        {
            input, output, format, labels,
        };
        command.SetAction(result => cli.Guard(() =>
        {
            BlankValues.Reject(result);
            return Run(cli, result.GetValue(input)!, result.GetValue(output)!, result.GetValue(format), result.GetValue(labels));
        }));
        return command;
    }

    private static int Run(CliContext cli, string inputPath, string outputPath, string? formatName, string? labels)
    {
        TextInput.RequireCorpus(inputPath, "convert", byExtension: formatName is null);
        var format = CorpusFormats.Detect(inputPath, formatName);
        if (FilePaths.Same(inputPath, outputPath))
        {
            throw TrainerErrors.OutputIsInput(outputPath, inputPath);
        }

        if (Path.GetExtension(outputPath).ToLowerInvariant() is ".conllu" or ".conll" or ".iob2" or ".iob" or ".bio" or ".txt")
        {
            throw TrainerErrors.ConvertOutputIsText(outputPath);
        }

        AtomicFile.CheckFileTarget(outputPath);
        var keep = labels?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var converter = new CorpusConverter(keep);
        var bin = new DocBin(Attributes, storeUserData: false);
        long words = 0;
        foreach (var doc in converter.Read(inputPath, format, new Vocab()))
        {
            bin.Add(doc);
            words += doc.Length;
        }

        if (bin.Count == 0)
        {
            throw TrainerErrors.EmptyCorpus(inputPath, string.Empty);
        }

        bin.ToDisk(outputPath);
        var console = cli.Console;
        console.MarkupLine($"Wrote {bin.Count} doc(s), {words} word(s) to [bold]{Markup.Escape(outputPath)}[/].");
        foreach (var (label, count) in converter.MappedLabels.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            console.MarkupLine($"Mapped {count} tag(s) of label {Markup.Escape(label)} to O (not in --ner-labels).");
        }

        if (converter.RepairedTags > 0)
        {
            console.MarkupLine($"Read {converter.RepairedTags} I- tag(s) without a preceding entity as B-.");
        }

        return 0;
    }
}
