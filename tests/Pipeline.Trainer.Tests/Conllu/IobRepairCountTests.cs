using System.Text.RegularExpressions;

namespace Pipeline.Trainer.Tests.Conllu;

/// <summary><c>train</c> and <c>convert</c> report the same number of stray <c>I-</c> tags for one file: each occurrence once.</summary>
public sealed partial class IobRepairCountTests
{
    [Fact]
    public void TrainAndConvertCountEachStrayITagOnce()
    {
        using var dir = new TempDir();
        // Four stray I- tags; ORG is not in the dev corpus, so train reads it as O (and still counts its stray I-).
        File.WriteAllText(dir["train.iob2"], "1\tBob\tI-PER\n2\truns\tO\n3\tin\tO\n4\tParis\tI-LOC\n\n1\tAnn\tB-PER\n2\tLee\tI-PER\n3\tat\tO\n4\tAcme\tI-ORG\n5\tCo\tI-ORG\n6\tand\tO\n7\tX\tI-PER\n\n");
        File.WriteAllText(dir["dev.iob2"], "1\tBob\tB-PER\n2\tin\tO\n3\tParis\tB-LOC\n\n");

        var converted = CliRunner.Run("convert", dir["train.iob2"], dir["out.docbin"]);
        var trained = CliRunner.Run("train", "en", dir["run"], dir["train.iob2"], dir["dev.iob2"], "--pipeline", "ner", "--n-iter", "1");

        Assert.True(converted.Code == 0, converted.Error);
        Assert.True(trained.Code == 0, trained.Error + trained.Console);
        Assert.Equal("4", ConvertCount().Match(converted.Console).Groups[1].Value);
        Assert.Equal("4", TrainCount().Match(trained.Console + trained.Error).Groups[1].Value);
    }

    [GeneratedRegex(@"Read (\d+) I- tag\(s\) without a preceding entity")]
    private static partial Regex ConvertCount();

    [GeneratedRegex(@"from \S*train\.iob2 \((\d+) I- tags without a B-")]
    private static partial Regex TrainCount();
}
