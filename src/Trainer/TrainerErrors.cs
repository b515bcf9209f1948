namespace Pipeline.Trainer;

/// <summary>
/// The CLI's part of the error catalogue: corpora, training settings and output, evaluation and conversion (codes
/// and texts as listed in docs/errors.md). The library's own errors stay in Pipeline.Core.
/// </summary>
internal static partial class TrainerErrors
{
    public static PipelineException EmptyCorpus(string path, string detail) => new(
        "E100",
        $"Corpus '{path}' has no sentences{detail}. Pass a file with at least one sentence (CoNLL-U word lines or " +
        "IOB2 token lines).");

    public static PipelineException NerCorpusRequired(string train) => new(
        "E101",
        $"The pipeline has 'ner' but '{train}' carries no entities (no NER=B-LABEL entries in its MISC column; " +
        "Universal Dependencies treebanks have none). Pass IOB2 files with --ner-train (and --ner-dev), or remove " +
        "ner from --pipeline.");

    public static PipelineException NerOptionWithoutNer(string option) => new(
        "E102", $"{option} was given but the pipeline has no 'ner' component. Add ner to --pipeline or drop {option}.");

    public static PipelineException NerDataWithoutEntities(string model, IEnumerable<string> pipeline) => new(
        "E102",
        $"--ner-data was given but the model '{model}' has no component that sets entities (its pipeline: " +
        $"{Join(pipeline)}). Evaluate a model with ner or entity_ruler, or drop --ner-data.");

    public static PipelineException BadPipelineList(string value, string problem) => new(
        "E103",
        $"--pipeline '{value}' {problem}. Give comma-separated component names, each once, e.g. tagger,parser,ner.");

    public static PipelineException NothingToTrain(IEnumerable<string> names) => new(
        "E104",
        $"None of the components [{string.Join(", ", names)}] can be trained (none implements ITrainable). Add a " +
        "trainable component such as tagger, parser, ner, lemmatizer or morphologizer.");

    public static PipelineException TemplateLangMismatch(string template, string templateLang, string lang) => new(
        "E105",
        $"The meta template '{template}' is for language '{templateLang}' but training was asked for '{lang}'. Pass " +
        "the template's language or another template.");

    public static PipelineException ResumeMismatch(string output, string detail) => new(
        "E106",
        $"Cannot resume the training in '{output}': {detail}. Resume with the same corpora, pipeline, seed and " +
        "--n-sents, or train into another folder (or without --resume, which starts over).");

    public static PipelineException UnknownCorpusFormat(string path) => new(
        "E109",
        $"Cannot tell the format of '{path}' from its extension. Name it .conllu or .iob2 (pipeline convert also " +
        "takes --format conllu or --format iob2).");

    public static PipelineException InputMissing(string what, string path) => new(
        "E110", $"{what} '{path}' {Absence(path, folder: what.Contains("directory", StringComparison.OrdinalIgnoreCase) || what.Contains("source", StringComparison.OrdinalIgnoreCase))}. Check the path.");

    public static PipelineException GoldTokensNeedConllu(string path) => new(
        "E111",
        $"--gold-tokens needs a CoNLL-U file (.conllu), whose words are kept as they are; '{path}' is not one. " +
        "Drop --gold-tokens to tokenize raw text.");

    public static PipelineException TrainingSetting(string setting, string problem) => new(
        "E112", $"Training setting {setting} {problem}.");

    public static PipelineException CorpusFormatUnknown(string path) => new(
        "E092",
        $"Cannot tell whether the corpus '{path}' is CoNLL-U or IOB2: its extension names neither and its first " +
        "token line has neither 10 tab-separated columns (CoNLL-U) nor an O/B-/I- tag in the third column (IOB2). " +
        "Name it .conllu or .iob2, or fix its lines.");

    public static PipelineException NerCorpusTwice(string argument, string option) => new(
        "E093",
        $"The {argument} corpus is IOB2 and {option} names another IOB2 corpus; ner can learn from (or be scored on) " +
        $"only one. Drop {option}, or pass a CoNLL-U file as {argument}.");

    public static PipelineException ConlluCorpusRequired(string argument, string path, IEnumerable<string> components) => new(
        "E094",
        $"The {argument} corpus '{path}' is IOB2 (entities only) but [{string.Join(", ", components)}] learn from " +
        "CoNLL-U. Pass a CoNLL-U treebank as the corpus and the IOB2 file with --ner-train/--ner-dev, or train only " +
        "ner (--pipeline ner).");

    public static PipelineException NothingToScore(string data, IEnumerable<string> pipeline) => new(
        "E156",
        $"'{data}' is IOB2, which holds only entities, but no component of the model ({Join(pipeline)}) sets entities. " +
        "Evaluate a model with ner or entity_ruler on it, or pass CoNLL-U data for the other components.");

    public static PipelineException CheckpointDamaged(string output, string checkpoint, string detail) => new(
        "E113",
        $"Cannot resume the training in '{output}': checkpoint '{checkpoint}' {detail}. Restore the folder from a " +
        "copy, or train again without --resume (which clears the earlier run) or into an empty folder.");

    public static PipelineException TrainingOutputBlocked(string path, string problem) => new(
        "E114",
        $"Cannot train into '{path}': {problem}. Move or delete it, or train into another output folder.");

    public static PipelineException ModelVersionInvalid(string source, string value) => new(
        "E115",
        $"{source} '{value}' is not a SemVer version. Write MAJOR.MINOR.PATCH with an optional -prerelease, e.g. " +
        "1.0.0 or 1.1.0-beta.1: it is stamped into every model's meta.json, and `pipeline package` needs it.");

    public static PipelineException TrainingOutputNotOurs(string output, string entry, string problem) => new(
        "E116",
        $"Cannot train into '{output}': '{entry}' there {problem}. Training writes its own model<N>, model-final and " +
        "model-best folders (and training-state.json, training-log.jsonl, report.html) into the output folder and " +
        $"removes or replaces only those an earlier run recorded in training-state.json, so it stops rather than delete " +
        $"'{entry}'. Move it out of the folder, or train into another output folder.");

    public static PipelineException InputKind(string path, string looksLike, string command, string accepts) => new(
        "E158",
        $"'{path}' is {looksLike}, which {command} does not read: it reads {accepts}. Pass such a file instead.");

    public static PipelineException ConvertOutputIsText(string path) => new(
        "E159",
        $"The output '{path}' has the extension of a text corpus ({Path.GetExtension(path)}), but convert writes a " +
        "binary DocBin, which other tools (and pipeline train/evaluate) would then misread. Name it .spacy or .docbin, " +
        $"e.g. '{Path.ChangeExtension(path, ".docbin")}'.");

    private static string Join(IEnumerable<string> names)
    {
        var list = names.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }

    // Why an expected file (or folder) is not there: the other kind of entry may stand at the path.
    private static string Absence(string path, bool folder) =>
        folder && File.Exists(path) ? "is a file, not a folder"
        : !folder && Directory.Exists(path) ? "is a folder, not a file"
        : "does not exist";
}
