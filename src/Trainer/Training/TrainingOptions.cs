namespace Pipeline.Trainer.Training;

/// <summary>
/// What <see cref="TrainingRunner"/> trains and where it writes: the settings of <c>pipeline train</c>, usable
/// without the command line (the build orchestrator calls the runner directly). Settings left null fall back to
/// the meta template's <c>training</c> block, then to the documented defaults.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>Epochs when neither the options nor the template say.</summary>
    public const int DefaultEpochs = 15;

    /// <summary>The pipeline when neither the options nor the template say.</summary>
    public static readonly IReadOnlyList<string> DefaultPipeline = ["tagger", "parser"];

    /// <summary>The language code, e.g. "en".</summary>
    public required string Lang { get; init; }

    /// <summary>The output folder: model0.., model-final, model-best, training-log.jsonl, report.html.</summary>
    public required string Output { get; init; }

    /// <summary>The CoNLL-U training corpus (or, when only ner learns, an IOB2 one, told by extension or content).</summary>
    public required string TrainPath { get; init; }

    /// <summary>The CoNLL-U development corpus, scored after every epoch (or IOB2 when only ner learns).</summary>
    public required string DevPath { get; init; }

    /// <summary>A meta.json template: identity fields, <c>pipeline</c>, and a <c>training</c> block.</summary>
    public string? MetaPath { get; init; }

    /// <summary>The model version stamped into meta.json (default: the template's, else 0.0.0).</summary>
    public string? Version { get; init; }

    /// <summary>Training epochs (default: template <c>training.n_iter</c>, else <see cref="DefaultEpochs"/>).</summary>
    public int? Epochs { get; init; }

    /// <summary>Train on at most this many sentences of each training corpus (the first ones).</summary>
    public int? MaxSentences { get; init; }

    /// <summary>Whether a GPU was asked for; components without GPU support say they run on CPU.</summary>
    public bool Gpu { get; init; }

    /// <summary>The component factories, in order (default: the template's pipeline, else <see cref="DefaultPipeline"/>).</summary>
    public IReadOnlyList<string>? Pipeline { get; init; }

    /// <summary>An IOB2 corpus to train <c>ner</c> on instead of entities in the CoNLL-U MISC column.</summary>
    public string? NerTrainPath { get; init; }

    /// <summary>An IOB2 corpus to score <c>ner</c> on.</summary>
    public string? NerDevPath { get; init; }

    /// <summary>The shuffling seed (default: template <c>training.seed</c>, else 0); the same seed gives the same model.</summary>
    public ulong? Seed { get; init; }

    /// <summary>
    /// A folder where components that prepare corpora up front (<see cref="Pipeline.Components.IPreparesCorpus"/>:
    /// the transformer's encoded corpora) keep what they prepared, so a later run over the same corpora reads it
    /// instead of preparing again; a component's own setting (the transformer's <c>cache_dir</c>) wins. Null: none.
    /// It never changes a model, so it is no part of the run's fingerprint.
    /// </summary>
    public string? CorpusCache { get; init; }

    /// <summary>Continue a run in <see cref="Output"/> after its last complete epoch instead of starting over.</summary>
    public bool Resume { get; init; }

    /// <summary>
    /// Threads a training pass may use (default: the machine's cores). With two or more, the last component of a
    /// pass runs beside the ones before it; the models are the same bytes with any number.
    /// </summary>
    public int? Threads { get; init; }

    /// <summary>
    /// How many of the latest epoch checkpoints (<c>model&lt;N&gt;</c>) to keep besides the best one (default 3);
    /// 0 keeps every checkpoint.
    /// </summary>
    public int KeepCheckpoints { get; init; } = DefaultKeepCheckpoints;

    /// <summary>The default of <see cref="KeepCheckpoints"/>.</summary>
    public const int DefaultKeepCheckpoints = 3;
}
