using Pipeline.Components;
using Pipeline.Components.Lemmatization;
using Pipeline.Components.Morphology;
using Pipeline.Components.Ner;
using Pipeline.Components.Parsing;
using Pipeline.Components.Tagging;
using Pipeline.Tokens;
using Pipeline.Training;

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

    [Fact]
    public void AnEntityRulerNeedsOnlyWhatItsPatternsTest()
    {
        var ruler = new EntityRuler(Nlp.Blank("en"));
        ruler.AddPatterns([new EntityPattern("ORG", "Acme"), new EntityPattern("ORG", Token(("LOWER", "acme")))]);
        IPipe[] pipes = [new Tagger(), new Parser(), ruler, new EntityRecognizer()];

        Assert.Equal([Attr.Orth, Attr.EntIob, Attr.EntType], ruler.Reads);
        Assert.Equal([true, false, true, true], ComponentNeeds.ToRun(pipes, [false, false, false, true]));

        ruler.AddPatterns([new EntityPattern("ORG", Token(("DEP", "nsubj"), ("POS", "PROPN")))]);

        Assert.Equal([Attr.Orth, Attr.Dep, Attr.Pos, Attr.EntIob, Attr.EntType], ruler.Reads);
        Assert.Equal([true, true, true, true], ComponentNeeds.ToRun(pipes, [false, false, false, true]));
        Assert.Equal([true, true, true, true], ComponentNeeds.ForEntities(pipes));
    }

    [Fact]
    public void ASentencizerRunsOnlyWhenTheSentenceStartsItSetsAreRead()
    {
        IPipe[] pipes = [new Sentencizer(), new Tagger(), new Parser(), new EntityRecognizer()];

        Assert.Equal([true, true, true, false], ComponentNeeds.ToRun(pipes, [false, false, true, false]));
        Assert.Equal([false, true, false, true], ComponentNeeds.ToRun(pipes, [false, false, false, true]));
    }

    private static IReadOnlyList<IReadOnlyDictionary<string, object?>> Token(params (string Attr, object Value)[] constraints) =>
        [constraints.ToDictionary(c => c.Attr, c => (object?)c.Value)];
}
