namespace Pipeline.Testing;

/// <summary>
/// Seeded byte-array mutations for fuzz tests: bit flips, byte changes (favouring MessagePack type markers),
/// insertions, deletions, duplications and truncation.
/// </summary>
public static class Mutator
{
    private static readonly byte[] Interesting = [0x00, 0x01, 0x7F, 0x80, 0xFF, 0x90, 0x9F, 0xC0, 0xC2, 0xC3, 0xC4, 0xCC, 0xCD, 0xCE, 0xCF, 0xD0, 0xD2, 0xDA, 0xDC, 0xDD, 0xDE, 0xDF, 0xE0];

    public static byte[] Mutate(byte[] original, Random rng)
    {
        var data = new List<byte>(original);
        for (var step = rng.Next(1, 4); step > 0; step--)
        {
            var at = data.Count == 0 ? 0 : rng.Next(data.Count);
            switch (rng.Next(7))
            {
                case 0 when data.Count > 0:
                    data[at] ^= (byte)(1 << rng.Next(8));
                    break;
                case 1 when data.Count > 0:
                    data[at] = (byte)rng.Next(256);
                    break;
                case 2 when data.Count > 0:
                    data[at] = Interesting[rng.Next(Interesting.Length)];
                    break;
                case 3:
                    data.InsertRange(at, Enumerable.Range(0, rng.Next(1, 9)).Select(_ => (byte)rng.Next(256)));
                    break;
                case 4 when data.Count > 0:
                    data.RemoveRange(at, Math.Min(rng.Next(1, 17), data.Count - at));
                    break;
                case 5:
                    data.RemoveRange(at, data.Count - at);
                    break;
                case 6 when data.Count > 0:
                    var length = Math.Min(rng.Next(1, 33), data.Count - at);
                    data.InsertRange(rng.Next(data.Count), data.GetRange(at, length));
                    break;
            }
        }

        return [.. data];
    }
}
