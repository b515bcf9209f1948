namespace Pipeline.Trainer;

/// <content>
/// The CLI's errors of arguments, output paths, displacy, resuming, score weights, packaging and validation (E026-E028,
/// E107, E108, E148, E150, E183, E186, E224, E225 and the packaging meta problems): only the CLI raises them.
/// </content>
internal static partial class TrainerErrors
{
    public static PipelineException ModelBestInvalid(string template, string value) => new(
        "E186",
        $"The meta template '{template}' field \"training.model_best\" is {value}; it must be \"epoch\" (model-best is the " +
        "epoch with the highest weighted score, the default) or \"per_component\" (each trainable component from the epoch " +
        "where its own scores are highest). Set one of the two, or leave the field out.");

    public static PipelineException EmptyArgument(string name) => new(
        "E027", $"The value of {name} is empty or only spaces. Pass a value; the command's --help describes it.");

    public static PipelineException FileSystemFailure(Exception inner) => new(
        "E026", $"A file or folder could not be used: {inner.Message.TrimEnd('.')}. Check the path and its permissions.", inner);

    public static PipelineException OutputIsInput(string output, string input) => new(
        "E028",
        $"The output '{output}' is the input '{input}': writing it would destroy the input. Write to another path.");

    public static PipelineException NoEntityComponent(string model, IEnumerable<string> pipeline, bool hasParser = true) => new(
        "E150",
        $"The model '{model}' has no component that sets entities (its pipeline: {Join(pipeline)}), so the \"ent\" " +
        "style has no entities to show. " + (hasParser
            ? "Use a model with ner or entity_ruler, or render the \"dep\" style."
            : "It has no parser either, so the \"dep\" style has no arcs to show: use a model with ner or " +
              "entity_ruler (ent) or with a parser (dep)."));

    public static PipelineException NoParserComponent(string model, IEnumerable<string> pipeline, bool setsEntities) => new(
        "E224",
        $"The model '{model}' has no parser (its pipeline: {Join(pipeline)}), so the \"dep\" style has no arcs to " +
        "draw. " + (setsEntities
            ? "Render its entities with --style ent, or use a model with a parser."
            : "It sets no entities either, so neither style has anything to show: use a model with a parser (dep) or " +
              "with ner or entity_ruler (ent)."));

    public static PipelineException DisplacyTextSource(bool both) => new(
        "E225",
        both
            ? "pipeline displacy got both a text argument and --file; give one: the text itself, or --file <path> to read it from a UTF-8 file."
            : "pipeline displacy needs the text to show: give it as an argument (\"Acme opened an office.\"), or --file <path> to read it from a UTF-8 file.");

    public static PipelineFormatException TrainingStateCorrupt(string file, string detail, Exception? inner = null) => new(
        "E107", file,
        $"the training state is unreadable ({detail}). It is written after each complete epoch; delete it and " +
        "train without --resume to start over.", inner);

    public static PipelineFormatException ScoreWeightsInvalid(string file, string detail) => new(
        "E108", file,
        $"\"training\".\"score_weights\" {detail}. It maps score names (upos, xpos, ufeats, lemma, uas, las, " +
        "ents_f, token_f1, ...) to numbers, e.g. {\"upos\": 0.5, \"las\": 0.5}.");

    public static PipelineException PackageMetaInvalid(string source, IReadOnlyList<(string Code, string Message)> problems) => new(
        problems[0].Code,
        $"{source} cannot be packaged: {problems[0].Message}" + (problems.Count == 1
            ? string.Empty
            : " Also: " + string.Join(" ", problems.Skip(1).Select(p => $"[{p.Code}] {p.Message}"))));

    public static PipelineFormatException NupkgUnreadable(string nupkg, string detail, Exception? inner = null) => new(
        "E148", nupkg,
        $"not a readable NuGet package ({Clause(detail)}). Remove it from the feed, or make it again with " +
        "'pipeline package <model> <output> --build'.",
        inner);

    public static PipelineException UnsafeToolValue(string what, string value, string problem) => new(
        "E183",
        $"The {what} '{Visible(value)}' cannot be passed to dotnet/MSBuild: {problem}. Remove those characters (use a " +
        "path or value without them).");

    // Control characters shown as \uXXXX so that a message never carries them to the terminal.
    private static string Visible(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
