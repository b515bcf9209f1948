using System.Text;
using System.Text.Json;
using Pipeline.Serialization;

namespace Pipeline.Trainer.Training;

/// <summary>
/// <c>training-log.jsonl</c>: one JSON object per completed epoch (losses, dev scores, speed, weighted score,
/// checkpoint), rewritten atomically after each epoch so it always matches the checkpoints on disk.
/// </summary>
internal static class TrainingLog
{
    /// <summary>The file name in the output folder.</summary>
    public const string FileName = "training-log.jsonl";

    public static void Write(string path, IEnumerable<EpochResult> epochs)
    {
        var text = new StringBuilder();
        foreach (var epoch in epochs)
        {
            text.Append(JsonSerializer.Serialize(epoch, TrainingState.Json)).Append('\n');
        }

        AtomicFile.WriteAllText(path, text.ToString());
    }
}
