using Pipeline.Tokens;

namespace Pipeline;

/// <summary>
/// The error catalogue: one factory method per stable code, so every message says what failed and how to fix it.
/// Codes never change meaning; new errors get new codes. <c>docs/errors.md</c> lists them all.
/// </summary>
internal static partial class Errors
{
    public static PipelineException UnknownFactory(string name, IEnumerable<string> known) => new(
        "E001",
        $"No pipeline factory named '{name}'. Known factories: {Join(known)}. Register one with " +
        $"Language.Factories[\"{name}\"] = (nlp, config) => new MyComponent(), or reference the package that " +
        $"provides it (it exposes [assembly: PipelineFactory(\"{name}\", typeof(...))]), or remove '{name}' from " +
        "the \"pipeline\" list of meta.json.");

    public static PipelineException UnknownLanguage(string lang, IEnumerable<string> known) => new(
        "E002",
        $"No language class for code '{lang}'. Available: {Join(known)}. Use 'xx' for a language-neutral pipeline, or " +
        "reference a package that exposes the language with [assembly: PipelineLanguage(...)].");

    public static PipelineException MetaMissing(string directory) => new(
        "E003",
        $"'{directory}' has no meta.json{(File.Exists(directory) ? " (it is a file; pass the model's folder)" : string.Empty)}. A model directory is written by nlp.ToDisk(path) and holds meta.json, " +
        "tokenizer, vocab/ and one directory per component.");

    public static PipelineFormatException MetaUnreadable(string file, string detail, Exception? inner = null) => new(
        "E004", file, $"meta.json is not valid JSON ({detail}). Fix the file or write it again with nlp.ToDisk().", inner);

    public static PipelineFormatException MetaField(string file, string field, string problem) =>
        PipelineFormatException.InvalidField(file, field, problem);

    public static PipelineException ModelNotFound(string nameOrPath, IEnumerable<string> visible) => new(
        "E006",
        $"Can't find model '{nameOrPath}': it is not a directory with a meta.json, nor a model package this app " +
        $"references. Models this app can see: {Join(visible)}. Add one with 'dotnet add package <lang>_<name>' or " +
        "pass the path of a model directory.");

    public static PipelineFormatException ComponentDataMissing(string component, string path) => new(
        "E007", path,
        $"component '{component}' has no data here. The saved model is incomplete: save it again with " +
        $"nlp.ToDisk() or nlp.ToBytes(), or load the other parts without it (Nlp.Load(path, exclude: [\"{component}\"])).");

    public static PipelineFormatException Corrupt(string source, string detail, Exception? inner = null) => new(
        "E008", source, $"the data is truncated or corrupt ({detail}). Write it again, or restore it from a good copy.",
        inner);

    public static PipelineException DocBinAttrsDiffer(IEnumerable<string> mine, IEnumerable<string> theirs) => new(
        "E009",
        $"Cannot merge DocBins with different attributes: this one stores [{string.Join(", ", mine)}], the other " +
        $"[{string.Join(", ", theirs)}]. Create both with the same attrs.");

    public static PipelineException UnknownPipe(string name, IEnumerable<string> names) => new(
        "E010", $"No component named '{name}' in the pipeline. Components: {Join(names)}.");

    public static PipelineException DuplicatePipe(string name, IEnumerable<string> names) => new(
        "E011",
        $"The pipeline already has a component named '{name}' ({Join(names)}). Pass another name: " +
        "nlp.AddPipe(pipe, name: \"...\").");

    public static PipelineException BadPipePosition(string detail) => new(
        "E012", $"Invalid position for AddPipe: {detail}. Give at most one of before, after and first.");

    public static PipelineException ExtensionNotRegistered(string target, string name) => new(
        "E013",
        $"{target} has no extension attribute '{name}'. Register it first: {target}.SetExtension(\"{name}\", " +
        "defaultValue). Values stored in a DocBin come back, but the attribute must be registered again in the " +
        "reading process.");

    public static PipelineException ExtensionValueNotSerializable(string name, Type type) => new(
        "E014",
        $"The value of extension or user-data '{name}' has type {type.FullName}, which cannot be serialized. " +
        "Supported: null, bool, int, long, ulong, float, double, string, byte[], and lists or string-keyed " +
        "dictionaries of these. Store a supported value, or create the DocBin with storeUserData: false.");

    public static PipelineException SentencesUnset() => new(
        "E015",
        "This Doc has no sentence boundaries. Add a component that sets them (\"sentencizer\" or \"parser\") or set " +
        "token.IsSentStart yourself.");

    public static PipelineException OverlappingEntities(string first, string second) => new(
        "E016", $"Entity spans overlap: {first} and {second}. A token can belong to at most one entity.");

    public static PipelineException SpanOutOfRange(int start, int end, int length) => new(
        "E017", $"Span [{start}, {end}) is outside the document of {length} tokens.");

    public static PipelineFormatException UnsupportedFormat(string source, int found, int supported) => new(
        "E018", source,
        $"format version {found} is newer than this Pipeline.Core understands (up to {supported}): either a newer " +
        "Pipeline.Core wrote it (upgrade Pipeline.Core) or the file belongs to something else (put the right file back).");

    public static PipelineException AttrNotSettable(Attr attr) => new(
        "E019",
        $"Attribute {attr} is derived from the token text and cannot be set. Set Orth (the text) instead.");

    public static PipelineException ArrayShape(string detail) => new("E020", $"Array does not fit the document: {detail}.");

    public static PipelineException UnknownString(ulong hash) => new(
        "E021",
        $"No string for hash {hash} in the StringStore. The string was added to another Vocab: serialize the Doc " +
        "with doc.ToBytes() or a DocBin, which carry their strings.");

    public static PipelineException BadConfig(string component, string key, string problem) => new(
        "E022", $"Setting '{key}' of component '{component}' {problem}.");

    public static PipelineException WriteFailed(string path, Exception inner) => new(
        "E025", $"Could not write '{path}': {inner.Message.TrimEnd('.')}. The previous contents were left in place.", inner);

    public static PipelineException SpecialCaseMismatch(string text, IEnumerable<string> pieces) => new(
        "E040",
        $"The pieces [{string.Join(", ", pieces.Select(p => $"'{p}'"))}] of the tokenizer special case '{text}' do " +
        "not concatenate to it. Every piece must be non-empty and together they must spell the text exactly, e.g. " +
        "tokenizer.AddSpecialCase(\"gimme\", [\"gim\", \"me\"]).");

    public static PipelineException BadTokenizerPattern(string field, string pattern, string detail) => new(
        "E041",
        $"Tokenizer rule '{field}' holds an invalid regular expression '{pattern}' ({detail}). Fix the pattern " +
        "(.NET Regex syntax) or remove it from the TokenizerRules.");

    public static PipelineException BadTokenizerText(string field, string text, string problem) => new(
        "E042",
        $"Tokenizer rule '{field}' entry '{text}' {problem}. The tokenizer splits on whitespace before it applies " +
        "its rules, so special cases and affixes must be non-empty and contain no whitespace.");

    public static PipelineException InvalidEntityPattern(string pattern, string field, string problem) => new(
        "E050",
        $"Entity pattern {pattern}: field '{field}' {problem}. A pattern is {{\"label\": \"ORG\", \"pattern\": " +
        "\"phrase text\"} or {\"label\": \"ORG\", \"pattern\": [{\"LOWER\": \"apple\"}, ...], \"id\": \"optional\"}.");

    public static PipelineFormatException PatternLineInvalid(string source, int line, string detail, Exception? inner = null) => new(
        "E051", $"{source}, line {line}",
        $"{detail}. Each line must be one JSON object such as {{\"label\": \"ORG\", \"pattern\": \"Apple\"}}; fix " +
        "the line or write the file again with ruler.ToJsonl(path).",
        inner);

    internal static string Join(IEnumerable<string> names)
    {
        var list = names.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }

    public static PipelineException DocBinDerivedAttr(Attr attr) => new(
        "E030",
        $"A DocBin does not store {attr}: it is derived from the token text (Orth), which every DocBin stores, so it " +
        $"comes back by itself. Remove {attr} from the attrs.");

    public static PipelineException UserDataTooDeep(string name, int maxDepth) => new(
        "E031",
        $"The value of extension or user-data '{name}' nests lists or dictionaries more than {maxDepth} levels deep " +
        "(or contains itself). Flatten the value before serializing the doc.");

    public static PipelineException DocBinFileMissing(string path) => new(
        "E032",
        $"DocBin file '{Path.GetFullPath(path)}' does not exist. Check the path, or write the file first with " +
        "docBin.ToDisk(path).");

    public static PipelineException ReadFailed(string path, Exception inner) => new(
        "E033", $"Could not read '{path}': {inner.Message}.", inner);

    public static PipelineException UnpairedSurrogate(string what, string text) => new(
        "E034",
        $"{what} '{text}' contains an unpaired UTF-16 surrogate, which cannot be stored as UTF-8. Fix the text " +
        "(a tokenizer must not split a surrogate pair) before serializing the doc.");

    public static PipelineException ModelFactoryMissing(string model, string name, IEnumerable<string> requirements, IEnumerable<string> known, string? missingLang) => new(
        "E001",
        $"Model '{model}' needs the pipeline factory '{name}' (listed in the \"pipeline\" of its meta.json), but no " +
        "built-in factory or referenced plugin provides it" +
        (missingLang is null ? "." : $"; its language '{missingLang}' is missing too.") +
        $" {SuggestPackage(requirements)} Known factories: " +
        $"{Join(known)}. Alternatively register it in code before loading: Language.Factories[\"{name}\"] = " +
        "(nlp, config) => new MyComponent().");

    public static PipelineException ModelLanguageMissing(string model, string lang, IEnumerable<string> requirements, IEnumerable<string> known) => new(
        "E002",
        $"Model '{model}' is for language '{lang}' (\"lang\" in its meta.json), but no built-in language class or " +
        $"referenced plugin provides it. {SuggestPackage(requirements)} Available languages: {Join(known)}.");

    private static string SuggestPackage(IEnumerable<string> requirements)
    {
        var list = requirements.Where(r => !string.IsNullOrWhiteSpace(r)).ToList();
        return list.Count == 0
            ? "Reference the plugin package that provides it ('dotnet add package <name>'); the model's author can " +
              "name it in the \"requirements\" of meta.json." + AotPluginHint()
            : $"The model lists these requirements: {string.Join(", ", list)}. Reference the package that provides " +
              $"it: 'dotnet add package {RequirementName(list[0])}'" +
              (list.Count > 1 ? " (or another of the listed packages)." : ".") +
              AotPluginHint();
    }

    // A Native AOT app does not scan its assemblies: a referenced plugin package still has to be named in code.
    private static string AotPluginHint() => Registry.Plugins.PluginDiscovery.Scans
        ? string.Empty
        : " This is a Native AOT app, which finds no plugin by itself: once the package is referenced, call " +
          "Nlp.AddPlugin(typeof(<a type of the plugin>).Assembly) before loading.";

    private static string RequirementName(string requirement)
    {
        var end = requirement.IndexOfAny([' ', '>', '<', '=', '!', '~', '[', '(', '@']);
        return end < 0 ? requirement : requirement[..end];
    }

    public static PipelineException MultiwordRange(int start, int end, int length) => new(
        "E070",
        $"Multiword token {start}-{end} is not valid for a doc of {length} words. Ranges must be in order, not " +
        "overlap, cover at least two words inside the doc, and only the last word of a range may have a trailing space.");

    public static PipelineException TokenizerTrainingData(string problem) => new(
        "E071",
        $"The learned tokenizer cannot be trained: {problem}. Pass CoNLL-U sentences that have '# text' lines (or " +
        "tokens with SpaceAfter), grouped into documents.");

    public static PipelineException RegexTimedOut(string where, string pattern, string input, TimeSpan timeout) => new(
        "E155",
        $"The regular expression '{Shorten(pattern)}' of {where} ran longer than {timeout.TotalMilliseconds:0.###} ms " +
        $"on '{Shorten(input)}' and was stopped. Patterns loaded from a model file are untrusted: one with nested " +
        "quantifiers such as (a+)+ can backtrack almost forever. Simplify the pattern (or remove it from the model), " +
        "or, if it is trusted and merely slow, raise Pipeline.Tokenization.RegexSettings.MatchTimeout before loading.");

    public static PipelineException OutputNeedsFileName(string path) => new(
        "E029",
        $"The output '{path}' ends with '{path[^1]}', so it names a folder, but a file is written there; nothing was " +
        $"created. Give a file path, e.g. '{Path.Join(path, "out")}' with the extension the command's --help names.");

    // Why an expected file (or folder) is not there: the other kind of entry may stand at the path.
    private static string Absence(string path, bool folder) =>
        folder && File.Exists(path) ? "is a file, not a folder"
        : !folder && Directory.Exists(path) ? "is a folder, not a file"
        : "does not exist";

    private static string Shorten(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "...");

    /// <summary>Another library's message as one clause: on one line, without its closing full stop.</summary>
    private static string Clause(string text) =>
        string.Join(' ', text.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
}
