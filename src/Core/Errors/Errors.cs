using Pipeline.Tokens;

namespace Pipeline;

/// <summary>
/// The error catalogue: one factory method per stable code, so every message says what failed and how to fix it.
/// Codes never change meaning; new errors get new codes. <c>docs/errors.md</c> lists them all.
/// </summary>
internal static class Errors
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

    public static PipelineFormatException MetaField(string file, string field, string problem) => new(
        "E005", file, $"field \"{field}\" {problem}.");

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

    public static PipelineException InvalidArgument(string what, string problem) => new("E023", $"{what} {problem}.");

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

    public static PipelineFormatException CorpusLine(string file, int line, string problem) => new(
        "E060", $"{file}:{line}",
        $"malformed CoNLL-U line: {problem}. Each word line has 10 tab-separated columns (ID FORM LEMMA UPOS " +
        "XPOS FEATS HEAD DEPREL DEPS MISC); IDs count 1, 2, ... within a sentence and a blank line ends it.");

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

    public static PipelineFormatException TrainingStateCorrupt(string file, string detail, Exception? inner = null) => new(
        "E107", file,
        $"the training state is unreadable ({detail}). It is written after each complete epoch; delete it and " +
        "train without --resume to start over.", inner);

    public static PipelineFormatException ScoreWeightsInvalid(string file, string detail) => new(
        "E108", file,
        $"\"training\".\"score_weights\" {detail}. It maps score names (upos, xpos, ufeats, lemma, uas, las, " +
        "ents_f, token_f1, ...) to numbers, e.g. {\"upos\": 0.5, \"las\": 0.5}.");

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

    public static PipelineException PluginConflict(string kind, string name, string first, string second) => new(
        "E135",
        $"Two plugins claim the {kind} '{name}': assembly '{first}' and assembly '{second}'. Reference only one of " +
        "the two packages, or register the one you want in code before use (e.g. Language.Factories[...] = ...).");

    public static PipelineException PluginTypeInvalid(string kind, string name, string type, string assembly, string problem) => new(
        "E136",
        $"Assembly '{assembly}' exposes the {kind} '{name}' as type '{type}', which {problem}. Fix the assembly " +
        "attribute in the plugin, or update the plugin package.");

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

    public static PipelineException UnknownLookups(string name, IEnumerable<string> known) => new(
        "E139",
        $"No lookup tables named '{name}'. Available: {Join(known)}. Reference a package that exposes them with " +
        $"[assembly: PipelineLookups(\"{name}\", ...)] or register them with Nlp.Lookups.Register(...).");

    public static PipelineFormatException LookupsUnreadable(string source, string detail, Exception? inner = null) => new(
        "E140", source,
        $"the lookup table is not a JSON object of string keys and string values ({detail}). Fix the resource in " +
        "the plugin assembly.", inner);

    public static PipelineException UnknownDisplacyStyle(string style) => new(
        "E141", $"Unknown displaCy style '{style}'. Use \"ent\" (named entities) or \"dep\" (dependency arcs).");

    public static PipelineException DocNotParsed() => new(
        "E142",
        "The doc has no dependency parse, so the \"dep\" style has no arcs to draw. Process it with a model that " +
        "has a parser, or render the \"ent\" style.");

    public static PipelineException InvalidColor(string label, string color, string source) => new(
        "E143",
        $"Color '{color}' for label '{label}' (from {source}) is not a CSS color this renderer accepts. Use #rgb, " +
        "#rrggbb, a color name, rgb()/hsl() or linear-gradient(...), with no quotes, semicolons or braces.");

    public static PipelineException InvalidRequirement(string source, string entry, string problem) => new(
        "E144",
        $"{source}: requirement {entry} {problem}. Write each entry as \"Package\", \"Package>=1.0\", " +
        "\"Package [1.0, 2.0)\" or {\"name\": \"Package\", \"version\": \"1.0\"}.");

    private static string SuggestPackage(IEnumerable<string> requirements)
    {
        var list = requirements.Where(r => !string.IsNullOrWhiteSpace(r)).ToList();
        return list.Count == 0
            ? "Reference the plugin package that provides it ('dotnet add package <name>'); the model's author can " +
              "name it in the \"requirements\" of meta.json."
            : $"The model lists these requirements: {string.Join(", ", list)}. Reference the package that provides " +
              $"it: 'dotnet add package {RequirementName(list[0])}'" +
              (list.Count > 1 ? " (or another of the listed packages)." : ".");
    }

    private static string RequirementName(string requirement)
    {
        var end = requirement.IndexOfAny([' ', '>', '<', '=', '!', '~', '[', '(', '@']);
        return end < 0 ? requirement : requirement[..end];
    }

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

    public static PipelineException PackageDataMissing(string packageId, IEnumerable<string> searched) => new(
        "E120",
        $"The data of model package '{packageId}' is not beside the app: looked in {Join(searched)}. The package " +
        $"copies it to 'models/{packageId}/' of the build and publish output through its buildTransitive targets; " +
        "reference it with a plain <PackageReference> (not ExcludeAssets=\"build\") and build again.");

    public static PipelineFormatException IncompatibleModelData(
        string path, string model, string range, string running, PipelineFormatException inner) => new(
        "E121", path,
        $"model '{model}' was made for Pipeline.Core {range} and its data cannot be read by the running " +
        $"Pipeline.Core {running} ({inner.Message}). Use a Pipeline.Core version in {range}, or a version of the " +
        "model made for this one.",
        inner);

    public static PipelineException PackageMetaMissing(string input) => new(
        "E122",
        $"'{input}' has no meta.json, so the package has no name or version. Pass --meta-path <file>, or " +
        "--create-meta (with --meta lang=en --meta name=... --meta version=...).");

    public static PipelineException PackageMetaInvalid(string source, IReadOnlyList<(string Code, string Message)> problems) => new(
        problems[0].Code,
        $"{source} cannot be packaged: {problems[0].Message}" + (problems.Count == 1
            ? string.Empty
            : " Also: " + string.Join(" ", problems.Skip(1).Select(p => $"[{p.Code}] {p.Message}"))));

    public static PipelineException PackageExists(string path) => new(
        "E128",
        $"'{path}' already exists. Pass --force to replace it, or choose another output directory.");

    public static PipelineException PackageModelUnloadable(string input, PipelineException inner) => new(
        "E129",
        $"The model in '{input}' does not load, so it cannot be packaged: {inner.Message}",
        inner);

    public static PipelineException PackCommandFailed(string command, int exitCode, string outputTail) => new(
        "E130",
        $"'{command}' failed with exit code {exitCode}. If Pipeline.Core could not be restored, put it on a NuGet " +
        "source (dotnet pack src/Core -o <feed>) and pass --source <feed> or add the feed to nuget.config. " +
        $"Output:\n{outputTail}");

    public static PipelineException PackageVerificationFailed(string nupkg, IEnumerable<string> problems) => new(
        "E131",
        $"The package '{nupkg}' is incomplete: {string.Join("; ", problems)}. Delete it and package again; if " +
        "the problem remains, report it.");

    public static PipelineException PluginUnloadable(string path, string reason) => new(
        "E133",
        $"The plugin assembly '{path}' could not be loaded: {Clause(reason)}. Pass the path of a .dll that references " +
        "Pipeline.Core (e.g. bin/Release/net10.0/Snek.dll of the plugin's build).");

    public static PipelineException BadMetaOption(string option, string problem) => new(
        "E132",
        $"--meta '{option}' {problem}. Write --meta key=value with a key among lang, name, version, " +
        "framework_version, pipeline, description, author, email, url, license (lists comma-separated: pipeline, " +
        "sources, tags).");

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

    public static PipelineException FileSystemFailure(Exception inner) => new(
        "E026", $"A file or folder could not be used: {inner.Message.TrimEnd('.')}. Check the path and its permissions.", inner);

    public static PipelineException EmptyArgument(string name) => new(
        "E027", $"The value of {name} is empty or only spaces. Pass a value; the command's --help describes it.");

    public static PipelineException OutputIsInput(string output, string input) => new(
        "E028",
        $"The output '{output}' is the input '{input}': writing it would destroy the input. Write to another path.");

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

    // Why an expected file (or folder) is not there: the other kind of entry may stand at the path.
    private static string Absence(string path, bool folder) =>
        folder && File.Exists(path) ? "is a file, not a folder"
        : !folder && Directory.Exists(path) ? "is a folder, not a file"
        : "does not exist";

    private static string Shorten(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "...");

    /// <summary>Another library's message as one clause: on one line, without its closing full stop.</summary>
    private static string Clause(string text) =>
        string.Join(' ', text.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');

    public static PipelineException PackageOutputInsideModel(string input, string output) => new(
        "E145",
        $"The output directory '{output}' is the model directory '{input}' or lies inside it, so the package would " +
        "be written into the model it copies (and the next run would copy that package too). Choose an output " +
        $"directory outside the model, e.g. '{Path.Combine(Path.GetDirectoryName(input) ?? input, "packages")}'.");

    public static PipelineException PackageReplacesModel(string input, string directory) => new(
        "E146",
        $"The model directory '{input}' is the package directory '{directory}' or lies inside it; packaging replaces " +
        "that directory, which would delete the model. Copy the model directory elsewhere and package the copy, or " +
        "choose another output directory.");

    public static PipelineException ModelFolderLink(string input, string link, string target) => new(
        "E147",
        $"'{link}' in the model directory '{input}' is a symbolic link to '{target}'. Packaging does not follow links, " +
        "so that no file from outside the model ends up in the package. Replace the link with the real file or " +
        "folder, or remove it.");

    public static PipelineFormatException NupkgUnreadable(string nupkg, string detail, Exception? inner = null) => new(
        "E148", nupkg,
        $"not a readable NuGet package ({Clause(detail)}). Remove it from the feed, or make it again with " +
        "'pipeline package <model> <output> --build'.",
        inner);

    public static PipelineException PackageDataIncomplete(string directory) => new(
        "E149",
        $"The model folder '{directory}' has no meta.json, so the app cannot load it: a model package's data was " +
        "copied only in part. Build or publish the app again, or remove the folder.");
}
