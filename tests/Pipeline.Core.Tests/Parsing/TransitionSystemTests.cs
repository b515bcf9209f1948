using Pipeline.Components.Parsing;

namespace Pipeline.Tests.Parsing;

public class TransitionSystemTests
{
    private const int Labels = 5;

    [Fact]
    public void RandomValidMovesAlwaysEndInAProjectiveForest()
    {
        var random = new Random(3);
        var state = new ParseState();
        for (var trial = 0; trial < 1000; trial++)
        {
            var n = random.Next(1, 40);
            var singleRoot = trial % 2 == 0;
            Reset(state, n, singleRoot);
            var steps = 0;
            while (!state.IsFinal)
            {
                var move = RandomValidMove(state, random);
                state.Apply(move, 2 + random.Next(Labels));
                steps++;
            }

            Assert.Equal(2 * n, steps);
            var heads = Heads(state);
            Assert.True(PseudoProjective.IsForest(heads));
            Assert.True(PseudoProjective.IsProjective(heads));
            if (singleRoot)
            {
                Assert.Equal(1, Roots(heads));
            }
        }
    }

    [Fact]
    public void OracleReproducesGoldProjectiveTreesWithLabels()
    {
        var random = new Random(5);
        var state = new ParseState();
        var oracle = new DynamicOracle();
        for (var trial = 0; trial < 600; trial++)
        {
            var singleRoot = trial % 2 == 0;
            var (heads, labels) = RandomProjectiveForest(random, random.Next(1, 40), roots: singleRoot ? 1 : random.Next(1, 4));
            oracle.Load(heads, labels, 0, heads.Length);
            Reset(state, heads.Length, singleRoot);
            while (!state.IsFinal)
            {
                var (move, label, cost) = BestMove(state, oracle, random);
                Assert.Equal(0, cost);
                state.Apply(move, label);
            }

            Assert.Equal(heads, Heads(state));
            for (var i = 0; i < heads.Length; i++)
            {
                Assert.Equal(labels[i], state.Labels[i]);
            }
        }
    }

    [Fact]
    public void CostsCountExactlyTheArcsLostAfterRandomMistakes()
    {
        // Arc-decomposability: after any prefix of moves, following the cheapest moves loses nothing more, so the
        // wrong arcs at the end are exactly the summed costs of the moves taken (at most, for single trees).
        var random = new Random(11);
        var state = new ParseState();
        var oracle = new DynamicOracle();
        for (var trial = 0; trial < 1000; trial++)
        {
            var singleRoot = trial % 2 == 0;
            var (heads, labels) = RandomProjectiveForest(random, random.Next(1, 30), roots: singleRoot ? 1 : random.Next(1, 3));
            oracle.Load(heads, labels, 0, heads.Length);
            Reset(state, heads.Length, singleRoot);
            var mistakes = random.Next(0, 2 * heads.Length);
            var total = 0;
            for (var step = 0; !state.IsFinal; step++)
            {
                Move move;
                int label;
                if (step < mistakes)
                {
                    move = RandomValidMove(state, random);
                    label = move == Move.Left && state.B0 == state.Root ? ParseState.RootLabel : 2 + random.Next(Labels);
                }
                else
                {
                    (move, label, _) = BestMove(state, oracle, random);
                }

                total += Cost(state, oracle, move, label);
                state.Apply(move, label);
            }

            var predicted = Heads(state);
            var wrong = Enumerable.Range(0, heads.Length).Count(i => predicted[i] != heads[i] || (heads[i] != i && state.Labels[i] != labels[i]));
            if (singleRoot)
            {
                // Attaching a headless word to the one below it at the end can still recover an arc that the
                // arc-eager costs counted as lost, so in single-tree mode the costs are an upper bound.
                Assert.InRange(wrong, 0, total);
            }
            else
            {
                Assert.Equal(wrong, total);
            }
        }
    }

    [Fact]
    public void OracleAnswersForInvalidMovesToo()
    {
        // A sentence as long as the oracle's first buffers, so that the "no token" position lies past their end.
        var (heads, labels) = RandomProjectiveForest(new Random(1), 64, roots: 1);
        var oracle = new DynamicOracle();
        oracle.Load(heads, labels, 0, heads.Length);
        var state = new ParseState();
        Reset(state, heads.Length, singleRoot: true);
        foreach (var move in Enum.GetValues<Move>())
        {
            Assert.Equal(0, oracle.RequiredLabel(state, move));
        }
    }

    [Fact]
    public void LiftingMakesRandomTreesProjectiveAndDeprojectivizingRestoresThem()
    {
        var random = new Random(17);
        int lifted = 0, restored = 0;
        for (var trial = 0; trial < 2000; trial++)
        {
            var n = random.Next(2, 25);
            var gold = RandomTree(random, n);
            var heads = (int[])gold.Clone();
            var original = new int[n];
            var count = PseudoProjective.Lift(heads, original);
            Assert.True(PseudoProjective.IsProjective(heads));
            Assert.Equal(Roots(gold), Roots(heads));
            if (count == 0)
            {
                Assert.Equal(gold, heads);
                continue;
            }

            // Give every word its own label (id i + 1), so the head scheme can name each original head exactly.
            var labels = Enumerable.Range(0, n).Select(i => i + 1).ToArray();
            var output = new ulong[2 * n + 2];
            var target = new ulong[2 * n + 2];
            for (var i = 0; i < n; i++)
            {
                output[i + 1] = (ulong)(i + 1);
                output[n + i + 1] = (ulong)(i + 1);
                if (original[i] >= 0)
                {
                    labels[i] = n + i + 1;
                    target[n + i + 1] = (ulong)(original[i] + 1);
                }
            }

            lifted++;
            PseudoProjective.Deprojectivize(heads, labels, output, target, new int[4 * (n + 1)]);
            restored += heads.SequenceEqual(gold) ? 1 : 0;
        }

        Assert.True(lifted > 500, $"only {lifted} trees were non-projective");
        Assert.True(restored == lifted, $"{restored} of {lifted}");
    }

    [Fact]
    public void LiftingAKnownNonProjectiveTree()
    {
        // "A hearing is scheduled on the issue today": "on" (4) depends on "hearing" (1) across "is scheduled".
        int[] gold = [1, 3, 3, 3, 1, 6, 4, 3, 3];
        var heads = (int[])gold.Clone();
        var original = new int[heads.Length];
        Assert.False(PseudoProjective.IsProjective(heads));
        Assert.Equal(1, PseudoProjective.Lift(heads, original));
        Assert.Equal(3, heads[4]);
        Assert.Equal(1, original[4]);
        Assert.True(PseudoProjective.IsProjective(heads));
    }

    private static int Roots(int[] heads) => Enumerable.Range(0, heads.Length).Count(i => heads[i] == i);

    private static void Reset(ParseState state, int n, bool singleRoot = false)
    {
        state.Reset(n, ParserFeatures.RootWord, ParserFeatures.RootTag, ParserFeatures.NoWord, ParserFeatures.NoTag, singleRoot);
    }

    /// <summary>Absolute heads with roots heading themselves.</summary>
    private static int[] Heads(ParseState state) =>
        Enumerable.Range(0, state.Length).Select(i => state.Heads[i] == state.Root ? i : state.Heads[i]).ToArray();

    private static Move RandomValidMove(ParseState state, Random random)
    {
        var valid = Enum.GetValues<Move>().Where(state.IsValid).ToArray();
        Assert.NotEmpty(valid);
        return valid[random.Next(valid.Length)];
    }

    private static int Cost(ParseState state, DynamicOracle oracle, Move move, int label)
    {
        var required = oracle.RequiredLabel(state, move);
        return oracle.Cost(state, move) + (required != 0 && required != label ? 1 : 0);
    }

    /// <summary>A cheapest valid move with its right label, chosen at random among the cheapest.</summary>
    private static (Move Move, int Label, int Cost) BestMove(ParseState state, DynamicOracle oracle, Random random)
    {
        var options = Enum.GetValues<Move>().Where(state.IsValid)
            .Select(m =>
            {
                var required = oracle.RequiredLabel(state, m);
                var label = m == Move.Left && state.B0 == state.Root ? ParseState.RootLabel : required != 0 ? required : 2;
                return (Move: m, Label: label, Cost: Cost(state, oracle, m, label));
            })
            .ToList();
        var best = options.Min(o => o.Cost);
        var cheapest = options.Where(o => o.Cost == best).ToList();
        return cheapest[random.Next(cheapest.Count)];
    }

    /// <summary>A random projective forest of contiguous trees with absolute heads (roots head themselves) and labels.</summary>
    private static (int[] Heads, int[] Labels) RandomProjectiveForest(Random random, int n, int roots)
    {
        var heads = new int[n];
        var cuts = Enumerable.Range(1, n - 1).OrderBy(_ => random.Next()).Take(Math.Min(roots, n) - 1).Append(0).Append(n).Order().ToArray();
        for (var s = 0; s + 1 < cuts.Length; s++)
        {
            Build(random, heads, cuts[s], cuts[s + 1], -1);
        }

        var labels = Enumerable.Range(0, n).Select(i => heads[i] == i ? ParseState.RootLabel : 2 + random.Next(Labels)).ToArray();
        return (heads, labels);
    }

    private static void Build(Random random, int[] heads, int lo, int hi, int head)
    {
        if (lo >= hi)
        {
            return;
        }

        var root = random.Next(lo, hi);
        heads[root] = head < 0 ? root : head;
        Build(random, heads, lo, root, root);
        Build(random, heads, root + 1, hi, root);
    }

    /// <summary>A random single-rooted tree, usually non-projective.</summary>
    private static int[] RandomTree(Random random, int n)
    {
        var order = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
        var heads = new int[n];
        heads[order[0]] = order[0];
        for (var k = 1; k < n; k++)
        {
            heads[order[k]] = order[random.Next(k)];
        }

        return heads;
    }
}
