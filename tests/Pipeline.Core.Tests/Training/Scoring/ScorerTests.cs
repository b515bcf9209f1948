using Pipeline.Corpora;
using Pipeline.Training;
using Pipeline.Training.Scoring;

namespace Pipeline.Tests.Training.Scoring;

public class ScorerTests
{
    private const string English = """
        # text = I don't know nmod.
        1	I	I	PRON	PRP	Case=Nom|Number=Sing|Person=1|PronType=Prs	3	nsubj	_	_
        2-3	don't	_	_	_	_	_	_	_	_
        2	do	do	AUX	VBP	Mood=Ind|Tense=Pres|VerbForm=Fin	3	aux	_	_
        3	n't	not	PART	RB	_	4	advmod	_	_
        4	know	know	VERB	VB	VerbForm=Inf	0	root	_	_
        5	nmod	nmod	NOUN	NN	Number=Sing	4	nmod:poss	_	SpaceAfter=No
        6	.	.	PUNCT	.	_	4	punct	_	_

        """;

    private static List<ConlluSentence> Read(string text) =>
        [.. ConlluReader.Read(new StringReader(text.Replace("\r\n", "\n", StringComparison.Ordinal)), "test")];

    private static ConlluSentence Sentence(params string[] lines) =>
        Read(string.Join('\n', lines) + "\n\n")[0];

    [Fact]
    public void GoldTokenScoresAreAccuracies()
    {
        var vocab = new Vocab("en");
        var sentence = Sentence(
            "1\tThe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t2\tdet\t_\t_",
            "2\tdog\tdog\tNOUN\tNN\tNumber=Sing\t3\tnsubj\t_\t_",
            "3\tbarks\tbark\tVERB\tVBZ\tNumber=Sing|Person=3\t0\troot\t_\tSpaceAfter=No",
            "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_");
        var gold = sentence.ToDoc(vocab);
        var predicted = sentence.ToDoc(vocab);
        predicted[1].Pos = "PROPN";             // 3 of 4 UPOS right
        predicted[3].HeadIndex = 1;             // punctuation counts: 3 of 4 attached
        predicted[2].Dep = "root";
        predicted[0].Dep = "nsubj";             // head right, label wrong: LAS 2 of 4
        predicted[2].Morph = "Person=3|Number=Sing";   // the same set in another order
        predicted[1].Lemma = "dogs";

        var scorer = new Scorer();
        scorer.Score(predicted, gold);
        var scores = scorer.GetScores();

        Assert.Equal(new ScoreCounts(4, 4, 3), scores.Upos);
        Assert.Equal(new ScoreCounts(4, 4, 4), scores.Xpos);
        Assert.Equal(new ScoreCounts(4, 4, 4), scores.UFeats);
        Assert.Equal(new ScoreCounts(4, 4, 3), scores.Lemma);
        Assert.Equal(new ScoreCounts(4, 4, 3), scores.Uas);
        Assert.Equal(new ScoreCounts(4, 4, 2), scores.Las);
        Assert.Equal(new ScoreCounts(4, 4, 4), scores.Tokens);
        Assert.Equal(75.0, scores.ToAccuracy()[ScoreKeys.Upos]);
        Assert.Equal(0.75, scores.Upos!.Value.Precision);
        Assert.Equal(0.75, scores.Upos!.Value.Recall);
    }

    [Fact]
    public void LasComparesTheUniversalRelationAndUFeatsOnlyUniversalFeatures()
    {
        var vocab = new Vocab("en");
        var sentence = Read(English)[0];
        var gold = sentence.ToDoc(vocab);
        var predicted = sentence.ToDoc(vocab);
        predicted[4].Dep = "nmod";                                   // gold nmod:poss
        predicted[1].Morph = "Mood=Ind|Tense=Pres|VerbForm=Fin|Typo=Yes";  // Typo is not in the CoNLL 2018 set
        predicted[0].Morph = "Case=Nom|Number=Sing|Person=1|PronType=Prs|Number[psor]=Plur";

        var scorer = new Scorer();
        scorer.Score(predicted, gold);
        var scores = scorer.GetScores();

        Assert.Equal(6, scores.Las!.Value.Correct);
        Assert.Equal(6, scores.UFeats!.Value.Correct);
    }

    [Fact]
    public void MetricsTheSystemDoesNotPredictAreAbsent()
    {
        var vocab = new Vocab("en");
        var sentence = Read(English)[0];
        var predicted = new Doc(vocab, sentence.Words.Select(w => w.Form).ToList(), sentence.Words.Select(w => w.SpaceAfter).ToList());
        predicted[0].Pos = "PRON";

        var scorer = new Scorer();
        scorer.Score(predicted, sentence.ToDoc(vocab));
        var scores = scorer.GetScores();

        Assert.NotNull(scores.Upos);
        Assert.Null(scores.Uas);
        Assert.Null(scores.Las);
        Assert.Null(scores.Lemma);
        Assert.Null(scores.Entities);
        Assert.False(scores.ToAccuracy().ContainsKey(ScoreKeys.Uas));
    }

    [Fact]
    public void GoldLemmaUnderscoreAcceptsAnyLemma()
    {
        var vocab = new Vocab("en");
        var sentence = Sentence(
            "1\tHi\t_\tINTJ\tUH\t_\t0\troot\t_\t_",
            "2\tthere\tthere\tADV\tRB\t_\t1\tadvmod\t_\t_");
        var predicted = sentence.ToDoc(vocab);
        predicted[0].Lemma = "hi";

        var scorer = new Scorer();
        scorer.Score(predicted, sentence.ToDoc(vocab));

        Assert.Equal(2, scorer.GetScores().Lemma!.Value.Correct);
    }

    [Fact]
    public void RawTextMultiwordTokensThatSpellTheirWordsAlignByCharacters()
    {
        var gold = Read(English);
        var vocab = new Vocab("en");
        var predicted = new Doc(vocab, ["I", "do", "n't", "know", "nmod", "."], [true, false, true, true, false, false]);

        var scorer = new Scorer();
        scorer.Score(predicted, gold);
        var scores = scorer.GetScores();

        Assert.Equal(new ScoreCounts(6, 6, 6), scores.Tokens);
        Assert.Equal(new ScoreCounts(1, 1, 1), scores.Sentences);
    }

    [Fact]
    public void RawTextExpandedContractionsAlignByForm()
    {
        var gold = Read("""
            # text = Veio do mundo dele.
            1	Veio	vir	VERB	_	_	0	root	_	_
            2-3	do	_	_	_	_	_	_	_	_
            2	de	de	ADP	_	_	4	case	_	_
            3	o	o	DET	_	_	4	det	_	_
            4	mundo	mundo	NOUN	_	_	1	obl	_	_
            5-6	dele	_	_	_	_	_	_	_	SpaceAfter=No
            5	de	de	ADP	_	_	6	case	_	_
            6	ele	ele	PRON	_	_	4	nmod	_	_
            7	.	.	PUNCT	_	_	1	punct	_	_

            """);
        var vocab = new Vocab("pt");
        var predicted = new Doc(vocab, ["Veio", "de", "o", "mundo", "de", "ele", "."], [true, true, true, true, true, false, false]);
        string[] upos = ["VERB", "ADP", "DET", "NOUN", "ADP", "PRON", "PUNCT"];
        for (var i = 0; i < upos.Length; i++)
        {
            predicted[i].Pos = upos[i];
        }

        var scorer = new Scorer();
        scorer.Score(predicted, gold);
        var scores = scorer.GetScores();

        Assert.Equal(new ScoreCounts(7, 7, 7), scores.Tokens);
        Assert.Equal(new ScoreCounts(7, 7, 7), scores.Upos);
    }

    [Fact]
    public void RawTextSegmentationErrorsLowerPrecisionAndRecall()
    {
        var gold = Read("""
            # text = I cannot go.
            1	I	I	PRON	_	_	_	_	_	_
            2	cannot	cannot	AUX	_	_	_	_	_	_
            3	go	go	VERB	_	_	_	_	_	SpaceAfter=No
            4	.	.	PUNCT	_	_	_	_	_	_

            """);
        var vocab = new Vocab("en");
        var predicted = new Doc(vocab, ["I", "can", "not", "go."], [true, false, true, false]);
        predicted[0].Pos = "PRON";
        predicted[1].Pos = "AUX";

        var scorer = new Scorer();
        scorer.Score(predicted, gold);
        var scores = scorer.GetScores();

        Assert.Equal(new ScoreCounts(4, 4, 1), scores.Tokens);
        Assert.Equal(new ScoreCounts(4, 4, 1), scores.Upos);
        Assert.Equal(0.25, scores.Tokens!.Value.F1);
    }

    [Fact]
    public void SentenceSpansAreCompared()
    {
        var gold = Read("""
            # text = Hi.
            1	Hi	hi	INTJ	_	_	_	_	_	SpaceAfter=No
            2	.	.	PUNCT	_	_	_	_	_	_

            # text = Bye now.
            1	Bye	bye	INTJ	_	_	_	_	_	_
            2	now	now	ADV	_	_	_	_	_	SpaceAfter=No
            3	.	.	PUNCT	_	_	_	_	_	_

            """);
        var vocab = new Vocab("en");
        var oneSentence = new Doc(vocab, ["Hi", ".", "Bye", "now", "."], [false, true, true, false, false]);
        var twoSentences = new Doc(vocab, ["Hi", ".", "Bye", "now", "."], [false, true, true, false, false]);
        twoSentences[2].IsSentStart = true;
        for (var i = 0; i < 5; i++)
        {
            twoSentences[i].IsSentStart ??= i == 0;
        }

        var one = new Scorer();
        one.Score(oneSentence, gold);
        var two = new Scorer();
        two.Score(twoSentences, gold);

        Assert.Equal(new ScoreCounts(2, 1, 0), one.GetScores().Sentences);
        Assert.Equal(new ScoreCounts(2, 2, 2), two.GetScores().Sentences);
        Assert.Equal(new ScoreCounts(5, 5, 5), one.GetScores().Tokens);
    }

    [Fact]
    public void EntitiesAreScoredOverallAndPerLabel()
    {
        var vocab = new Vocab("en");
        var gold = new NerSentence(
            ["Alice", "met", "Bob", "Smith", "in", "Paris"],
            ["B-PER", "O", "B-PER", "I-PER", "O", "B-LOC"]).ToDoc(vocab);
        var predicted = new NerSentence(
            ["Alice", "met", "Bob", "Smith", "in", "Paris"],
            ["B-PER", "O", "B-PER", "O", "O", "B-ORG"]).ToDoc(vocab);

        var scorer = new Scorer();
        scorer.Score(predicted, gold);
        var ents = scorer.GetScores().Entities!;

        Assert.Equal(new ScoreCounts(3, 3, 1), ents.Overall);
        Assert.Equal(new ScoreCounts(2, 2, 1), ents.PerLabel["PER"]);
        Assert.Equal(new ScoreCounts(1, 0, 0), ents.PerLabel["LOC"]);
        Assert.Equal(new ScoreCounts(0, 1, 0), ents.PerLabel["ORG"]);
        Assert.Equal(["LOC", "ORG", "PER"], ents.PerLabel.Keys);
        Assert.Null(scorer.GetScores().Upos);
    }

    [Fact]
    public void EntitiesInConlluMiscAreGold()
    {
        var gold = Read("""
            # text = Alice left
            1	Alice	Alice	PROPN	_	_	_	_	_	NER=B-PER
            2	left	leave	VERB	_	_	_	_	_	NER=O

            """);
        var vocab = new Vocab("en");
        var predicted = new NerSentence(["Alice", "left"], ["B-PER", "O"]).ToDoc(vocab);

        var scorer = new Scorer();
        scorer.Score(predicted, gold);

        Assert.Equal(new ScoreCounts(1, 1, 1), scorer.GetScores().Entities!.Overall);
    }

    [Fact]
    public void SpeedIsWordsOverSeconds()
    {
        var scorer = new Scorer();
        Assert.Null(scorer.GetScores().WordsPerSecond);
        scorer.AddSpeed(1000, TimeSpan.FromSeconds(2));
        Assert.Equal(500, scorer.GetScores().WordsPerSecond);
    }
}
