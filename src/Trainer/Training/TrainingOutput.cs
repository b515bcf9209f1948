using System.Text.RegularExpressions;
using Pipeline.Trainer.Output;

namespace Pipeline.Trainer.Training;

/// <summary>
/// The run folder's entries: checks up front that nothing of the wrong kind sits where training writes (E114),
/// and proves on <c>--resume</c> that every checkpoint the state lists
/// is still the model it recorded (E113), so that a damaged folder is never restored or copied to model-best.
/// </summary>
internal static partial class TrainingOutput
{
    private static readonly string[] Files = [TrainingState.FileName, TrainingLog.FileName, ReportWriter.FileName];

    /// <summary>E114 when a file training writes is a folder in <paramref name="output"/>, or a model folder's name is a file.</summary>
    public static void CheckEntries(string output)
    {
        if (!Directory.Exists(output))
        {
            return;
        }

        foreach (var name in Files)
        {
            var path = Path.Combine(output, name);
            if (Directory.Exists(path))
            {
                throw TrainerErrors.TrainingOutputBlocked(path, $"it is a folder, but training writes the file {name} there");
            }
        }

        foreach (var file in Directory.EnumerateFiles(output).Where(f => CheckpointName().IsMatch(Path.GetFileName(f))))
        {
            throw TrainerErrors.TrainingOutputBlocked(file, "it is a file, but training writes a model folder of that name");
        }
    }

    /// <summary>Whether <paramref name="name"/> is one training gives a model folder: model&lt;N&gt;, model-final, model-best.</summary>
    public static bool IsModelFolderName(string name) => CheckpointName().IsMatch(name);

    /// <summary>
    /// E113 unless <paramref name="directory"/> holds the model whose hash (<see cref="ModelHash.OfDirectory"/>,
    /// taken when it was written) is <paramref name="expectedHash"/>, with a readable meta.json.
    /// </summary>
    public static void VerifyCheckpoint(string output, string directory, string expectedHash)
    {
        var name = Path.GetFileName(directory);
        if (!Directory.Exists(directory))
        {
            throw TrainerErrors.CheckpointDamaged(output, name, "is missing");
        }

        string actual;
        try
        {
            actual = ModelHash.OfDirectory(directory);
            ModelMeta.Read(Path.Combine(directory, "meta.json"));
        }
        catch (PipelineException e)
        {
            throw TrainerErrors.CheckpointDamaged(output, name, $"has no readable meta.json ({e.Message})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw TrainerErrors.CheckpointDamaged(output, name, $"cannot be read ({e.Message})");
        }

        if (actual != expectedHash)
        {
            throw TrainerErrors.CheckpointDamaged(
                output, name, "was changed after it was written: its model files no longer match the hash recorded in training-state.json");
        }
    }

    [GeneratedRegex(@"^model(\d+|-final|-best)$")]
    private static partial Regex CheckpointName();
}
