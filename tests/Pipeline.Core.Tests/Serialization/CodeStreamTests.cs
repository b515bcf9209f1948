using Pipeline.Serialization.DocBin;

namespace Pipeline.Tests.Serialization;

public class CodeStreamTests
{
    public static TheoryData<string> Distributions => ["zeros", "ones", "small", "wide", "extremes", "mixed"];

    [Theory]
    [MemberData(nameof(Distributions))]
    public void CodesRoundTripAtEveryLength(string distribution)
    {
        foreach (var length in new[] { 0, 1, 2, 127, 128, 129, 4095, 4096, 4097, 30_001 })
        {
            var rng = new Random(length);
            var codes = new uint[length];
            for (var i = 0; i < length; i++)
            {
                codes[i] = distribution switch
                {
                    "zeros" => 0u,
                    "ones" => 1u,
                    "small" => (uint)rng.Next(4),
                    "wide" => (uint)rng.Next(100_000),
                    "extremes" => rng.Next(3) switch { 0 => uint.MaxValue, 1 => 191u, _ => 192u },
                    _ => rng.Next(10) < 8 ? 0u : (uint)rng.NextInt64(uint.MaxValue),
                };
            }

            var contexts = new byte[length];
            for (var i = 0; i < length; i++)
            {
                contexts[i] = (byte)(codes[i] % 7);
            }

            foreach (var withContexts in new[] { false, true })
            {
                using var w = new PackedWriter();
                CodeStream.Write(codes, withContexts ? contexts : [], withContexts ? 7 : 1, w);
                var bytes = w.WrittenSpan.ToArray();
                Assert.True(length <= CodeStream.MaxCodes(bytes.Length));
                var back = new uint[length];
                var r = new PackedReader(bytes, "test");
                CodeStream.Read(ref r, withContexts ? contexts : [], withContexts ? 7 : 1, back);
                r.ExpectEnd();
                Assert.Equal(codes, back);
            }
        }
    }

    [Fact]
    public void AConstantColumnCostsAtLeastTheBoundTheReaderAssumes()
    {
        var codes = new uint[1_000_000];
        using var w = new PackedWriter();
        CodeStream.Write(codes, [], 1, w);
        Assert.True(codes.Length <= CodeStream.MaxCodes(w.Length), $"{codes.Length} codes in {w.Length} bytes");
    }
}
