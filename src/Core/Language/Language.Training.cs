using Pipeline.Components;
using Pipeline.Tokens;
using Pipeline.Training;

namespace Pipeline;

public partial class Language
{
    /// <summary>
    /// Starts training every <see cref="ITrainable"/> component on <paramref name="golds"/> (spaCy's
    /// <c>nlp.begin_training</c>): each one collects its labels and creates an empty model; the returned trainer
    /// runs the epochs (<see cref="PipelineTrainer.Train"/>, <see cref="PipelineTrainer.TrainEpoch"/>) or your own
    /// loop (<see cref="PipelineTrainer.Update"/>). The same seed gives the same model bytes.
    /// </summary>
    public PipelineTrainer BeginTraining(IReadOnlyList<Doc> golds, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(golds);
        return BeginTraining([new ExampleGroup("training", golds, [.. _pipeline.Select(p => p.Pipe is ITrainable)])], seed);
    }

    /// <summary>
    /// Starts training from several groups of gold docs, each with the components that learn from it (e.g. the
    /// tagger and parser from a treebank, ner from an IOB2 corpus): every <see cref="ITrainable"/> component is
    /// initialized from the docs of the groups it learns from. See <see cref="BeginTraining(IReadOnlyList{Doc}, ulong)"/>.
    /// </summary>
    public PipelineTrainer BeginTraining(IReadOnlyList<ExampleGroup> groups, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var trainer = new PipelineTrainer(Pipeline, groups, seed);
        for (var k = 0; k < _pipeline.Count; k++)
        {
            if (_pipeline[k].Pipe is ITrainable trainable)
            {
                trainable.Initialize(groups.Where(g => g.Learns[k]).SelectMany(g => g.Golds).ToList());
            }
        }

        return trainer;
    }
}
