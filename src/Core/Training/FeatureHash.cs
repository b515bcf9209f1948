using System.Runtime.CompilerServices;

namespace Pipeline.Training;

/// <summary>
/// Combines a feature template number with one or two 64-bit values (string hashes, class ids) into a stable
/// feature hash for <see cref="AveragedPerceptron"/>: the same inputs give the same feature in every process.
/// </summary>
internal static class FeatureHash
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(ulong template, ulong a) => Mix(a + ((template + 1) * 0x9E3779B97F4A7C15UL));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(ulong template, ulong a, ulong b) => Mix(Of(template, a) ^ (b * 0xC2B2AE3D27D4EB4FUL));

    /// <summary>The MurmurHash3 64-bit finalizer: every input bit affects every output bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }
}
