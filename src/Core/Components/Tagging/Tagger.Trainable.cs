using Pipeline.Tokens;
using Pipeline.Training;

namespace Pipeline.Components.Tagging;

public sealed partial class Tagger : ITrainable
{
    /// <inheritdoc />
    TrainingLoss ITrainable.Update(Doc predicted, Doc gold)
    {
        var (correct, total) = Update(gold);
        Process(predicted);
        return new TrainingLoss(total - correct, total);
    }
}
