namespace Pipeline;

/// <summary>Warnings about input that is used but not as written: ignored settings, cut sentences (W030-W031).</summary>
public static partial class Warnings
{
    internal static void LongSentencesSkipped(string component, int count, int longest, int limit) => Emit(
        "W030",
        $"{component} training: {count:N0} sentence(s) are longer than the limit of {limit:N0} tokens (the longest has " +
        $"{longest:N0}) and are not learned from: the training time of a sentence grows with the square of its length. " +
        "A sentence this long is usually a document without sentence breaks: split it in the corpus.");

    internal static void UnknownPipelineArg(string metaFile, string path, string key, string? nearest) => Emit(
        "W031",
        $"{metaFile}: \"pipeline_args\" has the key '{path}', which {(path.Contains('.', StringComparison.Ordinal) ? "its component does not read" : "names no component of the pipeline")}, " +
        $"so it is ignored.{(nearest is null ? string.Empty : $" Did you mean '{nearest}'?")} Fix or remove the key.");
}
