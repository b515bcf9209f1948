namespace Pipeline;

/// <summary>The library's errors of corpora, training and evaluation; the CLI's (training settings and output) are in Pipeline.Trainer's TrainerErrors.</summary>
internal static partial class Errors
{
    public static PipelineFormatException CorpusLine(string file, int line, string problem, bool explainColumns = true) => new(
        "E060", $"{file}:{line}",
        $"malformed CoNLL-U line: {problem}." + (explainColumns
            ? " Each word line has 10 tab-separated columns (ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC); IDs " +
              "count 1, 2, ... within a sentence and a blank line ends it."
            : string.Empty));

    public static PipelineFormatException IobLine(string file, int line, string problem) => new(
        "E061", $"{file}:{line}",
        $"malformed IOB2 line: {problem}. Each token line is tab-separated 'ID word TAG ...' with TAG 'O', " +
        "'B-LABEL' or 'I-LABEL'; '#' starts a comment and a blank line ends the sentence.");

    public static PipelineException CorpusMissing(string path) => new(
        "E062", $"Corpus file '{path}' {Absence(path, folder: false)}. Pass the path of a .conllu or .iob2 file.");

    public static PipelineException NotTrained(string component) => new(
        "E063",
        $"Component '{component}' has no model yet. Train it (e.g. {component}.Train(docs)) or load a trained " +
        "pipeline with Nlp.Load(path) before processing text.");

    public static PipelineException NoTrainingData(string component, string what) => new(
        "E064",
        $"Component '{component}' got no usable training data: {what}. Pass docs that carry the gold annotation.");

    public static PipelineException ClassOutOfRange(int cls, int classes) => new(
        "E065", $"Class {cls} is outside the model's {classes} classes (0..{classes - 1}).");

    public static PipelineException ModelAveraged() => new(
        "E066",
        "This model has been averaged (training is finished) and cannot be updated. Keep training a model before " +
        "calling Average(), or use CreateAveraged() to take averaged snapshots while training goes on.");

    public static PipelineException ScoredDocsDiffer(int index, string problem) => new(
        "E090",
        $"Gold and predicted doc {index} cannot be scored together: {problem}. Score predictions made on the gold " +
        "docs' own tokens (e.g. new Doc(gold.Vocab, words, spaces) from each gold doc), in the same order.");

    public static PipelineException InvalidEntityLabel(string label) => new(
        "E091",
        $"'{label}' cannot be an entity label: labels must be non-empty, must not be 'O' (which means no entity) " +
        "and must not contain whitespace, '|' or '=' (CoNLL-U MISC could not hold it).");

    public static PipelineFormatException NotUtf8(string file, long? line, long? offset, byte? value, Exception? inner = null) => new(
        "E157", line is null ? file : $"{file}:{line}",
        "the file is not valid UTF-8" + (value is null ? string.Empty : $": byte 0x{value:X2} at byte offset {offset} cannot be decoded") +
        ". Corpora and input text must be UTF-8 (or UTF-16 with a byte-order mark); it was probably saved in an older " +
        $"encoding. Convert it to UTF-8, e.g. iconv -f latin1 -t utf-8 '{file}' > converted.txt (name the encoding it " +
        "was written in), and pass the converted file.", inner);
}
