using Pipeline.Components;
using Pipeline.IO;
using Pipeline.Registry;
using Pipeline.Registry.Plugins;
using Pipeline.Serialization;
using Pipeline.Tokenization;
using Pipeline.Tokens;

namespace Pipeline;

/// <summary>
/// A processing pipeline: a tokenizer followed by named components, sharing one <see cref="Vocab"/>. Create one
/// with <see cref="Nlp.Blank"/> or <see cref="Nlp.Load"/>, run it with <see cref="Process"/> or <see cref="Pipe"/>,
/// and save it with <see cref="ToDisk"/> or <see cref="ToBytes"/>.
/// </summary>
public partial class Language
{
    // The most threads Pipe starts, and the most texts a thread takes at a time when no component works on batches.
    private const int MaxThreads = 512;
    private const int ParallelWorkUnit = 32;

    private readonly List<(string Name, IPipe Pipe)> _pipeline = [];
    private ITokenizer? _tokenizer;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPipe, string> _factoryOf = [];
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPipe, IReadOnlyDictionary<string, object?>> _configOf = [];

    /// <summary>Creates a blank pipeline for the language described by <paramref name="defaults"/>.</summary>
    public Language(LanguageDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        Defaults = defaults;
        Vocab = new Vocab(defaults.Lang);
        Meta = new ModelMeta { Lang = defaults.Lang, Name = "pipeline", Version = "0.0.0" };
    }

    /// <summary>
    /// The process-wide component factories, keyed by name: the built-in ones, those that referenced assemblies
    /// expose with <c>[assembly: PipelineFactory(...)]</c> (found on first use) and those registered in code.
    /// </summary>
    public static FactoryRegistry Factories
    {
        get
        {
            PluginDiscovery.EnsureScanned();
            return AllFactories;
        }
    }

    /// <summary>The factories without triggering plugin discovery (discovery itself registers into this).</summary>
    internal static FactoryRegistry AllFactories { get; } = new(discover: true);

    /// <summary>The language's defaults.</summary>
    public LanguageDefaults Defaults { get; }

    /// <summary>The language code, e.g. "en".</summary>
    public string Lang => Defaults.Lang;

    /// <summary>The shared vocabulary.</summary>
    public Vocab Vocab { get; }

    /// <summary>
    /// The tokenizer that turns text into docs: the language's default one, built on first use (a model with a
    /// learned tokenizer never pays for building the rules it replaces), or the one assigned.
    /// </summary>
    public ITokenizer Tokenizer
    {
        get => LazyInitializer.EnsureInitialized(ref _tokenizer, () => Defaults.CreateTokenizer(Vocab));
        set => _tokenizer = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The tokenizer if it has been built or assigned, without building the default one.</summary>
    internal ITokenizer? TokenizerIfCreated => _tokenizer;

    /// <summary>
    /// The model's meta data (meta.json). Saving writes a copy with the current language and pipeline filled in;
    /// this object keeps what it was given (read <see cref="PipeNames"/> for the components).
    /// </summary>
    public ModelMeta Meta { get; set; }

    /// <summary>The component names in processing order.</summary>
    public IReadOnlyList<string> PipeNames => _pipeline.ConvertAll(p => p.Name);

    /// <summary>The (name, component) pairs in processing order.</summary>
    public IReadOnlyList<(string Name, IPipe Pipe)> Pipeline => _pipeline.AsReadOnly();

    /// <summary>Tokenizes <paramref name="text"/> and runs every component over it.</summary>
    public Doc Process(string text)
    {
        var doc = Tokenizer.Tokenize(text);
        foreach (var (_, pipe) in _pipeline)
        {
            doc = pipe.Process(doc);
        }

        return doc;
    }

    /// <summary>Tokenizes without running the components.</summary>
    public Doc MakeDoc(string text) => Tokenizer.Tokenize(text);

    /// <summary>
    /// Processes many texts in batches, yielding docs in input order. With <paramref name="threads"/> above 1,
    /// that many worker threads each take the next batch (at most 32 texts when no component is an
    /// <see cref="IBatchPipe"/>) as soon as they are free, a few batches ahead of the reader at most; components must
    /// then tolerate concurrent <see cref="IPipe.Process"/> calls (the built-in ones do). A component's failure is
    /// raised after the docs before it.
    /// <paramref name="cancellationToken"/> is checked before each text (each batch with threads) and stops the
    /// enumeration with <see cref="OperationCanceledException"/>.
    /// </summary>
    public IEnumerable<Doc> Pipe(IEnumerable<string> texts, int batchSize = 256, int threads = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (batchSize < 1)
        {
            throw Errors.OutOfRange(nameof(batchSize), batchSize, "it must be at least 1");
        }

        var batched = _pipeline.Exists(p => p.Pipe is IBatchPipe);
        if (threads <= 1)
        {
            return batched
                ? texts.Chunk(batchSize).SelectMany(batch =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    return ProcessBatch(batch);
                })
                : texts.Select(text =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    return Process(text);
                });
        }

        // Without a batch component the batch is only the unit of work handed to a thread: small ones keep every
        // thread busy to the end of the input.
        var unit = batched ? batchSize : Math.Min(batchSize, ParallelWorkUnit);
        return ParallelBatches<string, Doc>.Run(
            texts, unit, Math.Min(threads, MaxThreads), (batch, docs) =>
            {
                if (batched)
                {
                    docs.AddRange(ProcessBatch(batch));
                    return;
                }

                foreach (var text in batch)
                {
                    docs.Add(Process(text));
                }
            },
            cancellationToken);
    }

    /// <summary>Runs one batch through the pipeline: an <see cref="IBatchPipe"/> gets all docs at once, other components one by one.</summary>
    private Doc[] ProcessBatch(string[] texts)
    {
        var docs = Array.ConvertAll(texts, Tokenizer.Tokenize);
        foreach (var (_, pipe) in _pipeline)
        {
            if (pipe is IBatchPipe batchPipe)
            {
                batchPipe.ProcessBatch(docs);
            }
            else
            {
                for (var i = 0; i < docs.Length; i++)
                {
                    docs[i] = pipe.Process(docs[i]);
                }
            }
        }

        return docs;
    }

    /// <summary>Creates a component through its registered factory; <see cref="AddPipe"/> names it after the factory.</summary>
    public IPipe CreatePipe(string factory, IReadOnlyDictionary<string, object?>? config = null)
    {
        config ??= new Dictionary<string, object?>();
        var pipe = Factories[factory](this, config);
        _factoryOf.AddOrUpdate(pipe, factory);
        _configOf.AddOrUpdate(pipe, config);
        return pipe;
    }

    /// <summary>
    /// Adds a component, by default last, under <paramref name="name"/> (default: the factory name for a component
    /// made by <see cref="CreatePipe"/>, else <see cref="IPipe.Name"/>).
    /// Give at most one of <paramref name="before"/>, <paramref name="after"/>, <paramref name="first"/>.
    /// </summary>
    public void AddPipe(IPipe pipe, string? name = null, string? before = null, string? after = null, bool first = false)
    {
        ArgumentNullException.ThrowIfNull(pipe);
        name ??= _factoryOf.TryGetValue(pipe, out var factory) ? factory : pipe.Name;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw Errors.InvalidArgument("Component name", "must not be empty");
        }

        if (HasPipe(name))
        {
            throw Errors.DuplicatePipe(name, PipeNames);
        }

        var positions = (before is null ? 0 : 1) + (after is null ? 0 : 1) + (first ? 1 : 0);
        if (positions > 1)
        {
            throw Errors.BadPipePosition($"got {positions} of before/after/first");
        }

        var index = first ? 0
            : before is not null ? IndexOf(before)
            : after is not null ? IndexOf(after) + 1
            : _pipeline.Count;
        _pipeline.Insert(index, (name, pipe));
    }

    /// <summary>Whether a component of that name is in the pipeline.</summary>
    public bool HasPipe(string name) => _pipeline.Exists(p => p.Name == name);

    /// <summary>The component of that name (E010 when absent).</summary>
    public IPipe GetPipe(string name) => _pipeline[IndexOf(name)].Pipe;

    /// <summary>Removes the component of that name and returns it.</summary>
    public IPipe RemovePipe(string name)
    {
        var index = IndexOf(name);
        var pipe = _pipeline[index].Pipe;
        _pipeline.RemoveAt(index);
        return pipe;
    }

    /// <summary>Replaces the component of that name, keeping its position, and returns the old one.</summary>
    public IPipe ReplacePipe(string name, IPipe pipe)
    {
        ArgumentNullException.ThrowIfNull(pipe);
        var index = IndexOf(name);
        var old = _pipeline[index].Pipe;
        _pipeline[index] = (name, pipe);
        return old;
    }

    /// <summary>Renames a component.</summary>
    public void RenamePipe(string oldName, string newName)
    {
        if (HasPipe(newName))
        {
            throw Errors.DuplicatePipe(newName, PipeNames);
        }

        var index = IndexOf(oldName);
        _pipeline[index] = (newName, _pipeline[index].Pipe);
    }

    /// <summary>The whole pipeline (meta, tokenizer, vocab, components) as bytes; <paramref name="exclude"/> skips parts by name.</summary>
    public byte[] ToBytes(IEnumerable<string>? exclude = null) => LanguageSerializer.ToBytes(this, Skip(exclude));

    /// <summary>Loads bytes from <see cref="ToBytes"/> into this pipeline's existing components.</summary>
    public Language FromBytes(byte[] data, IEnumerable<string>? exclude = null)
    {
        LanguageSerializer.FromBytes(this, data, Skip(exclude));
        return this;
    }

    /// <summary>
    /// Writes <see cref="ToBytes"/> to <paramref name="stream"/> at its position (the stream stays open);
    /// <paramref name="exclude"/> skips parts by name.
    /// </summary>
    public void WriteTo(Stream stream, IEnumerable<string>? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        StreamBytes.Write(stream, ToBytes(exclude));
    }

    /// <summary>
    /// Loads what <see cref="WriteTo"/> wrote, from the rest of <paramref name="stream"/>, into this pipeline's
    /// existing components, like <see cref="FromBytes"/>; the stream stays open.
    /// </summary>
    public Language ReadFrom(Stream stream, IEnumerable<string>? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return FromBytes(StreamBytes.ReadToEnd(stream, "pipeline bytes"), exclude);
    }

    /// <summary>
    /// Saves the pipeline as a model directory: meta.json, tokenizer, vocab/ and one directory per component. The
    /// directory is written under a temporary name and swapped in, so a failed save keeps the previous contents.
    /// </summary>
    public void ToDisk(string path, IEnumerable<string>? exclude = null) => LanguageSerializer.ToDisk(this, path, Skip(exclude));

    /// <summary>
    /// Loads a model directory into this pipeline's existing components (use <see cref="Nlp.Load"/> to build the
    /// pipeline from meta.json). Data directories without a matching component are reported as warning W001.
    /// </summary>
    public Language FromDisk(string path, IEnumerable<string>? exclude = null)
    {
        LanguageSerializer.FromDisk(this, path, Skip(exclude));
        return this;
    }

    /// <summary>The meta data as it would be saved: the current language and pipeline filled in.</summary>
    internal ModelMeta CurrentMeta()
    {
        var meta = Meta.Clone();
        meta.Lang = Lang;
        meta.Pipeline = [.. PipeNames];
        meta.FrameworkVersion ??= Nlp.CompatibleRange;
        return meta;
    }

    /// <summary>The config a component was created with by <see cref="CreatePipe"/> (empty for one made otherwise).</summary>
    internal IReadOnlyDictionary<string, object?> ConfigOf(IPipe pipe) =>
        _configOf.TryGetValue(pipe, out var config) ? config : System.Collections.Frozen.FrozenDictionary<string, object?>.Empty;

    private int IndexOf(string name)
    {
        var index = _pipeline.FindIndex(p => p.Name == name);
        return index >= 0 ? index : throw Errors.UnknownPipe(name, PipeNames);
    }

    private static HashSet<string> Skip(IEnumerable<string>? exclude) => new(exclude ?? [], StringComparer.Ordinal);
}
