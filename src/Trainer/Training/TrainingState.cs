using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.IO;
using Pipeline.Serialization;

namespace Pipeline.Trainer.Training;

/// <summary>
/// What <c>--resume</c> needs, written atomically after every complete epoch as <c>training-state.json</c>: a
/// fingerprint of everything that shapes the model (Pipeline.Core version, language, pipeline, seed, sentence
/// limit, template, corpus contents) and each completed epoch's record, including the hash of its model.
/// Before a checkpoint folder is put in place, its name and hash are recorded as <see cref="Pending"/> (the intent),
/// so that a run killed between the folder appearing and the epoch being recorded leaves a folder the next run
/// recognises as its own. A per-component model-best is recorded likewise (<see cref="ModelBest"/>).
/// </summary>
internal sealed record TrainingState(int Format, string Fingerprint, string Settings, List<EpochResult> Epochs)
{
    /// <summary>The file name in the output folder.</summary>
    public const string FileName = "training-state.json";

    private const int CurrentFormat = 1;

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
    };

    /// <summary>The checkpoint being put in place (folder name and model hash), or null between checkpoints.</summary>
    public PendingCheckpoint? Pending { get; set; }

    /// <summary>
    /// The per-component model-best last written (recorded before its folder is put in place), or null: with
    /// "epoch" model-best is a copy of a listed checkpoint and needs no record (nor does it appear in the file).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AssembledBest? ModelBest { get; set; }

    /// <summary>A fresh state for a run with this fingerprint.</summary>
    public static TrainingState Start(string fingerprint, string settings) => new(CurrentFormat, fingerprint, settings, []);

    /// <summary>Reads a state file (E107 when unreadable).</summary>
    public static TrainingState Read(string path)
    {
        TrainingState? state;
        try
        {
            state = JsonSerializer.Deserialize<TrainingState>(InputFiles.ReadAllText(path, InputFiles.MetaBytes, TrainingState.FileName), Json);
        }
        catch (JsonException e)
        {
            throw TrainerErrors.TrainingStateCorrupt(path, e.Message, e);
        }

        if (state is null || state.Epochs is null || string.IsNullOrEmpty(state.Fingerprint))
        {
            throw TrainerErrors.TrainingStateCorrupt(path, "fields are missing");
        }

        if (state.Format != CurrentFormat)
        {
            throw TrainerErrors.TrainingStateCorrupt(path, $"format {state.Format} is not {CurrentFormat}");
        }

        for (var i = 0; i < state.Epochs.Count; i++)
        {
            if (state.Epochs[i] is null || state.Epochs[i].Epoch != i)
            {
                throw TrainerErrors.TrainingStateCorrupt(path, $"entry {i} is not epoch {i}");
            }

            if (string.IsNullOrEmpty(state.Epochs[i].ModelHash))
            {
                throw TrainerErrors.TrainingStateCorrupt(path, $"epoch {i} has no model_hash");
            }
        }

        return state;
    }

    /// <summary>Writes the state atomically.</summary>
    public void Write(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    /// <summary>The fingerprint of a run's model-shaping settings and corpora.</summary>
    public static string FingerprintOf(
        TrainingOptions options, IReadOnlyList<string> pipeline, ulong seed, int? maxSentences, MetaTemplate template)
    {
        var hasher = new XxHash64();
        var settings = string.Join('\n', CurrentFormat, Nlp.Version, options.Lang, string.Join(',', pipeline), seed, maxSentences?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all", template.Text);
        hasher.Append(Encoding.UTF8.GetBytes(settings));
        foreach (var path in new[] { options.TrainPath, options.DevPath, options.NerTrainPath, options.NerDevPath })
        {
            ModelHash.AppendFile(hasher, path);
        }

        return Convert.ToHexStringLower(hasher.GetCurrentHash());
    }
}
