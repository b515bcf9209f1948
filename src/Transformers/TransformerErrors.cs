namespace Pipeline.Transformers;

/// <summary>The transformer component's part of the error catalogue (E260-E279, docs/errors.md).</summary>
internal static class TransformerErrors
{
    public static PipelineException BadSetting(string key, string problem) => new(
        "E260", $"Setting '{key}' of component 'transformer' {problem}.");

    public static PipelineException ResourceMissing(string assembly, string detail) => new(
        "E261",
        $"Encoder 'resource:{assembly}' is not available: {detail}. Reference the package that embeds it " +
        $"(dotnet add package {assembly}), or give \"model_path\" and \"vocab_path\" of an .onnx file and its vocab.txt.");

    public static PipelineException FileMissing(string key, string path) => new(
        "E262", $"Setting '{key}' of component 'transformer' names '{path}', which does not exist. Give the path of an existing file.");

    public static PipelineFormatException BadVocab(string source, string problem) => new(
        "E263", source, $"is not a usable WordPiece vocabulary: {problem}. Give the vocab.txt the encoder was trained with (one piece per line).");

    public static PipelineFormatException BadModel(string source, string problem, Exception? inner = null) => new(
        "E264", source, $"is not a usable BERT-family encoder: {problem}. Give an ONNX graph with inputs input_ids and attention_mask (int64, [batch, pieces]) and a [batch, pieces, width] float output.", inner);

    public static PipelineFormatException BadSavedConfig(string source, string problem, Exception? inner = null) => new(
        "E265", source, $"is not a valid transformer config ({problem}). Save the model again with nlp.ToDisk().", inner);

    public static PipelineException ShapeMismatch(string what, string problem) => new(
        "E266", $"{what} {problem}.");

    public static PipelineFormatException BadCache(string source, string problem) => new(
        "E267", source, $"is not a usable encoded-corpus cache ({problem}). Delete the file; the next training run encodes the corpus again and rewrites it.");

    public static PipelineException BadHeadSetting(string component, string key, string problem) => new(
        "E268", $"Setting '{key}' of component '{component}' {problem}. See docs/transformers.md for the neural heads' settings.");

    public static PipelineException NoVectors(string component, string problem) => new(
        "E269",
        $"Component '{component}' {problem}. It reads the token vectors of doc.Tensor: put the 'transformer' component " +
        "(with the encoder the head was trained with) before it in the pipeline.");

    public static PipelineException HeadNotTrained(string component) => new(
        "E270", $"Component '{component}' has no trained model. Train it (pipeline train, or Language.BeginTraining) or load a trained pipeline.");

    public static PipelineFormatException BadHeadModel(string source, string problem, Exception? inner = null) => new(
        "E271", source, $"is not a valid neural head model ({problem}). Save the model again with nlp.ToDisk(), or retrain it.", inner);

    public static PipelineException UnknownQuantization(string value) => new(
        "E272",
        $"Setting 'quantize' of component 'transformer' is '{value}'; it must be \"{TransformerConfig.NoQuantization}\" " +
        $"(the encoder's float weights) or \"{TransformerConfig.Int8}\" (dynamic int8 quantization of its weight matrices at load time).");

    public static PipelineException NothingToQuantize(string source) => new(
        "E273",
        $"Setting 'quantize' of component 'transformer' is \"{TransformerConfig.Int8}\", but encoder {source} has no MatMul with " +
        $"a constant float weight matrix to quantize. Set \"quantize\" to \"{TransformerConfig.NoQuantization}\" for this encoder.");
}
