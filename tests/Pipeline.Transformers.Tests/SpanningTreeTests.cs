using Pipeline.Transformers.Heads;

namespace Pipeline.Transformers.Tests;

/// <summary>The parser's decoder: always one valid single-rooted tree, and the best one.</summary>
public class SpanningTreeTests
{
    [Fact]
    public void RandomScoresAlwaysGiveOneTreeWithExactlyOneRoot()
    {
        var random = new Random(37);
        for (var trial = 0; trial < 400; trial++)
        {
            var n = 1 + random.Next(40);
            var scores = NeuralGradientTests.Random(n * (n + 1), random, scale: trial % 2 == 0 ? 5 : 50);
            if (trial % 5 == 0)
            {
                // Every token's best head is the root: the decoder must still keep a single root.
                for (var i = 0; i < n; i++)
                {
                    scores[(i * (n + 1)) + n] = 100;
                }
            }

            AssertTree(SpanningTree.Decode(scores, n), n);
        }
    }

    [Fact]
    public void ItFindsTheBestSingleRootedTreeThatExhaustiveSearchFinds()
    {
        var random = new Random(41);
        for (var trial = 0; trial < 200; trial++)
        {
            var n = 1 + random.Next(5);
            var scores = NeuralGradientTests.Random(n * (n + 1), random, scale: 3);
            var heads = SpanningTree.Decode(scores, n);
            AssertTree(heads, n);
            Assert.Equal(Best(scores, n), Total(scores, heads, n), 3);
        }
    }

    [Fact]
    public void ItKeepsACrossingArcWhenItScoresBest()
    {
        // Tokens 0..3 with root -> 1, 1 -> 3, 1 -> 2 and 2 -> 0: the arcs 2 -> 0 and 1 -> 3 cross.
        const int n = 4;
        var scores = new float[n * (n + 1)];
        Array.Fill(scores, -10f);
        scores[(1 * (n + 1)) + n] = 0;
        scores[(3 * (n + 1)) + 1] = 0;
        scores[(0 * (n + 1)) + 2] = 0;
        scores[(2 * (n + 1)) + 1] = 0;
        Assert.Equal([2, n, 1, 1], SpanningTree.Decode(scores, n));
    }

    [Fact]
    public void ACycleOfBestHeadsIsBroken()
    {
        // Each token prefers the next (a cycle); the root prefers token 1 a little over the others.
        const int n = 3;
        var scores = new float[n * (n + 1)];
        Array.Fill(scores, -5f);
        scores[(0 * (n + 1)) + 1] = 0;
        scores[(1 * (n + 1)) + 2] = 0;
        scores[(2 * (n + 1)) + 0] = 0;
        scores[(1 * (n + 1)) + n] = -1;
        Assert.Equal([1, n, 0], SpanningTree.Decode(scores, n));
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(1e30f)]
    [InlineData(float.NegativeInfinity)]
    public void ScoresOfADivergedModelStillGiveOneTree(float value)
    {
        const int n = 7;
        var scores = new float[n * (n + 1)];
        Array.Fill(scores, value);
        scores[3] = 0;
        AssertTree(SpanningTree.Decode(scores, n), n);
    }

    private static void AssertTree(int[] heads, int n)
    {
        Assert.Equal(n, heads.Length);
        Assert.Equal(1, heads.Count(h => h == n));
        for (var i = 0; i < n; i++)
        {
            Assert.NotEqual(i, heads[i]);
            Assert.InRange(heads[i], 0, n);

            // Following heads from any token reaches the root within n steps (no cycle).
            var (v, steps) = (i, 0);
            while (v != n)
            {
                v = heads[v];
                Assert.True(++steps <= n, $"token {i} is on a cycle");
            }
        }
    }

    private static double Total(float[] scores, int[] heads, int n) => Enumerable.Range(0, n).Sum(i => (double)scores[(i * (n + 1)) + heads[i]]);

    // The best total over every assignment of heads that forms a tree with one root.
    private static double Best(float[] scores, int n)
    {
        var best = double.NegativeInfinity;
        var heads = new int[n];
        var total = 1;
        for (var i = 0; i < n; i++)
        {
            total *= n + 1;
        }

        for (var code = 0; code < total; code++)
        {
            var c = code;
            for (var i = 0; i < n; i++)
            {
                heads[i] = c % (n + 1);
                c /= n + 1;
            }

            if (IsTree(heads, n))
            {
                best = Math.Max(best, Total(scores, heads, n));
            }
        }

        return best;
    }

    private static bool IsTree(int[] heads, int n)
    {
        if (heads.Count(h => h == n) != 1)
        {
            return false;
        }

        for (var i = 0; i < n; i++)
        {
            var (v, steps) = (i, 0);
            while (v != n)
            {
                if (heads[v] == v || ++steps > n)
                {
                    return false;
                }

                v = heads[v];
            }
        }

        return true;
    }
}
