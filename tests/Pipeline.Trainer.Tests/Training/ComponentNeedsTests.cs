using Pipeline.Components;
using Pipeline.Components.Lemmatization;
using Pipeline.Components.Morphology;
using Pipeline.Components.Ner;
using Pipeline.Components.Parsing;
using Pipeline.Components.Tagging;
using Pipeline.Trainer.Tests.Support;
using Pipeline.Trainer.Training;

namespace Pipeline.Trainer.Tests.Training;

public sealed class ComponentNeedsTests
{
    private static readonly IPipe[] Full = [new Tagger(), new Morphologizer(), new Lemmatizer(), new Parser(), new EntityRecognizer()];

    [Theory]
    // The recognizer learning alone needs only the tagger's Pos and Tag.
    [InlineData("....L", "R...R")]
    // The parser reads Morph, Pos and Tag, so the tagger and the morphologizer run before it; the lemmatizer does not.
    [InlineData("...L.", "RR.R.")]
    // Every learner runs; nothing after the last learner does.
    [InlineData("LLLL.", "RRRR.")]
    [InlineData("L....", "R....")]
    public void OnlyComponentsWhoseOutputALaterOneReadsRun(string learns, string expected)
    {
        var runs = ComponentNeeds.ToRun(Full, [.. learns.Select(c => c == 'L')]);

        Assert.Equal(expected, new string([.. runs.Select(r => r ? 'R' : '.')]));
    }

    [Fact]
    public void AComponentThatDeclaresNothingRunsAndKeepsEverythingBeforeItRunning()
    {
        IPipe[] pipes = [new Tagger(), new Lemmatizer(), new Parser(), new PredictionProbe(), new EntityRecognizer()];

        Assert.Equal([true, true, true, true, true], ComponentNeeds.ToRun(pipes, [false, false, false, false, true]));
    }

    [Fact]
    public void EntitiesNeedTheRecognizerAndTheTaggerItReads()
    {
        Assert.Equal([true, false, false, false, true], ComponentNeeds.ForEntities(Full));
        IPipe[] withProbe = [new Tagger(), new Parser(), new PredictionProbe()];
        Assert.Equal([true, true, true], ComponentNeeds.ForEntities(withProbe));
    }
}
