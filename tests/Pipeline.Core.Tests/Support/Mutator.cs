namespace Pipeline.Tests.Support;

/// <summary>Seeded byte-array mutations for fuzz tests: bit flips, byte changes, insertions, deletions, truncation.</summary>
public static class Mutator
{
    public static byte[] Mutate(byte[] original, Random random)
    {
        var data = new List<byte>(original);
        var edits = random.Next(1, 5);
        for (var e = 0; e < edits && data.Count > 0; e++)
        {
            var at = random.Next(data.Count);
            switch (random.Next(6))
            {
                case 0:
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    data[at] = (byte)random.Next(256);
                    break;
                case 2:
                    data.Insert(at, (byte)random.Next(256));
                    break;
                case 3:
                    data.RemoveAt(at);
                    break;
                case 4:
                    data.RemoveRange(at, data.Count - at);
                    break;
                default:
                    data[at] = random.Next(2) == 0 ? (byte)0xff : (byte)0x00;
                    break;
            }
        }

        return [.. data];
    }
}
