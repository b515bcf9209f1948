using Pipeline.Components;
using Pipeline.Serialization;

namespace Pipeline.Tests.Components;

/// <summary>Mutated and truncated component bytes may only ever raise PipelineFormatException.</summary>
public class CorruptComponentBytesTests
{
    private const int Mutations = 3000;

    private static IEnumerable<byte[]> Mutate(byte[] original, int seed)
    {
        var random = new Random(seed);
        for (var n = 0; n < Mutations; n++)
        {
            var data = (byte[])original.Clone();
            switch (n % 4)
            {
                case 0:
                    yield return data[..random.Next(data.Length)];
                    break;
                case 1:
                    for (var k = random.Next(1, 4); k > 0; k--)
                    {
                        data[random.Next(data.Length)] = (byte)random.Next(256);
                    }

                    yield return data;
                    break;
                case 2:
                    var at = random.Next(data.Length);
                    data[at] ^= (byte)(1 << random.Next(8));
                    yield return data;
                    break;
                default:
                    var insert = random.Next(data.Length);
                    var extra = new byte[random.Next(1, 6)];
                    random.NextBytes(extra);
                    yield return [.. data[..insert], .. extra, .. data[insert..]];
                    break;
            }
        }
    }

    private static void AssertOnlyFormatErrors(byte[] original, int seed, Func<IByteSerializable> create)
    {
        var failures = 0;
        foreach (var data in Mutate(original, seed))
        {
            try
            {
                create().FromBytes(data);
            }
            catch (PipelineFormatException)
            {
                failures++;
            }
            catch (Exception e)
            {
                Assert.Fail($"{e.GetType().Name} for bytes {Convert.ToHexString(data)}: {e}");
            }
        }

        Assert.True(failures > Mutations / 4, $"only {failures} of {Mutations} damaged inputs were rejected");
    }

    [Fact]
    public void SentencizerRejectsDamagedBytesWithFormatErrorsOnly()
    {
        var bytes = new Sentencizer(["|", "¶", ".", "𑁇"]).ToBytes();
        AssertOnlyFormatErrors(bytes, 17, () => new Sentencizer());
    }

    [Fact]
    public void EntityRulerRejectsDamagedBytesWithFormatErrorsOnly()
    {
        var nlp = Nlp.Blank("en");
        var ruler = new EntityRuler(nlp, overwriteEnts: true, phraseMatcherAttr: "LOWER");
        ruler.AddPatterns(
        [
            new EntityPattern("ORG", "Apple Inc", "apple"),
            EntityPattern.FromJson("{\"label\": \"GPE\", \"pattern\": [{\"LOWER\": {\"IN\": [\"san\", \"los\"]}}, {\"IS_TITLE\": true, \"OP\": \"+\"}], \"id\": \"city\"}"),
            EntityPattern.FromJson("{\"label\": \"N\", \"pattern\": [{\"LENGTH\": {\">=\": 2}}, {\"ORTH\": {\"REGEX\": \"^[0-9]+$\"}, \"OP\": \"*\"}, {\"IS_PUNCT\": true, \"OP\": \"!\"}]}"),
        ]);
        var bytes = ruler.ToBytes();
        AssertOnlyFormatErrors(bytes, 23, () => new EntityRuler(nlp));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void PipelineBytesWithBothComponentsRejectDamageWithFormatErrorsOnly()
    {
        var nlp = Nlp.Blank("en");
        nlp.AddPipe(nlp.CreatePipe("sentencizer"));
        var ruler = (EntityRuler)nlp.CreatePipe("entity_ruler");
        ruler.AddPatterns([new EntityPattern("ORG", "Apple")]);
        nlp.AddPipe(ruler);
        var bytes = nlp.ToBytes(exclude: ["vocab"]);
        var random = new Random(5);
        for (var n = 0; n < 500; n++)
        {
            var data = (byte[])bytes.Clone();
            data[random.Next(data.Length)] = (byte)random.Next(256);
            var target = Nlp.Blank("en");
            target.AddPipe(target.CreatePipe("sentencizer"));
            target.AddPipe(target.CreatePipe("entity_ruler"));
            try
            {
                target.FromBytes(n % 2 == 0 ? data : data[..random.Next(data.Length)], exclude: ["vocab"]);
            }
            catch (PipelineException e) when (e is PipelineFormatException || e.Code == "E007")
            {
            }
        }
    }
}
