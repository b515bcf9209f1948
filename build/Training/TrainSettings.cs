using Pipeline.Build.Corpora;

namespace Pipeline.Build.Training;

/// <summary>What the Train target passes to <see cref="ModelTrainer"/>: folders and the build parameters that shape a model.</summary>
internal sealed record TrainSettings
{
    /// <summary>The corpus root that templates name their files relative to.</summary>
    public required string CorpusRoot { get; init; }

    /// <summary>Where the Corpora target found each checked corpus file; null: every file under <see cref="CorpusRoot"/>.</summary>
    public CorpusFiles? Files { get; init; }

    /// <summary>The corpus files to train on: <see cref="Files"/>, else the files under <see cref="CorpusRoot"/>.</summary>
    public CorpusFiles Corpora => Files ?? CorpusFiles.Under(CorpusRoot);

    /// <summary>The folder that gets one <c>&lt;lang&gt;_&lt;name&gt;/</c> run folder per model.</summary>
    public required string ModelsRoot { get; init; }

    /// <summary>Where components keep corpora they prepare for training (the transformer's encoded corpora), so a rerun does not encode again.</summary>
    public string? CorpusCache { get; init; }

    /// <summary>The version stamped into every model, or null for each template's own.</summary>
    public string? Version { get; init; }

    /// <summary>Epochs for every model, or null for each template's <c>n_iter</c>.</summary>
    public int? Epochs { get; init; }

    /// <summary>At most this many training sentences per corpus, or null for all.</summary>
    public int? NSents { get; init; }

    /// <summary>Whether a GPU is asked for.</summary>
    public bool Gpu { get; init; }

    /// <summary>Retrain even when the stamp says the inputs did not change.</summary>
    public bool Force { get; init; }

    /// <summary>Models trained at once; 0 picks from cores and memory.</summary>
    public int Jobs { get; init; }
}
