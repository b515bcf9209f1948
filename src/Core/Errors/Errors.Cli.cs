namespace Pipeline;

/// <content>Errors of the <c>pipeline</c> command line's displacy command (E224-E225).</content>
internal static partial class Errors
{
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
}
