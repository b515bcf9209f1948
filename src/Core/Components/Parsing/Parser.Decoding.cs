using Pipeline.Components.Tagging;
using Pipeline.Serialization;
using Pipeline.Tokens;
using Pipeline.Training;

namespace Pipeline.Components.Parsing;

public sealed partial class Parser
{
    /// <summary>
    /// Parses each marked sentence of <paramref name="doc"/> (the whole doc when none is marked) and writes heads,
    /// labels and sentence starts. With <paramref name="gold"/>, the gold tree in the workspace (absolute heads and
    /// label ids) guides learning through the dynamic oracle; <paramref name="explore"/> lets the parse follow the
    /// model's wrong moves. Returns the wrong moves and all moves (zero without gold).
    /// </summary>
    private TrainingLoss ParseDoc(AveragedPerceptron model, Doc doc, ParserWorkspace workspace, bool gold, bool explore, ref SplitMix64 random)
    {
        var n = doc.Length;
        workspace.Ensure(n, model.Classes);
        var loss = default(TrainingLoss);
        var starts = doc.SentStartColumn;

        // Marked sentences (any start set) come out as one tree each; an unmarked doc splits where its trees do.
        var marked = starts is not null && starts.AsSpan().IndexOfAnyExcept((sbyte)0) >= 0;
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && (starts is null || starts[end] != 1))
            {
                end++;
            }

            loss += ParseSegment(model, doc, start, end, marked, workspace, gold, explore, ref random);
            start = end;
        }

        Write(doc, workspace);
        return loss;
    }

    private TrainingLoss ParseSegment(
        AveragedPerceptron model, Doc doc, int start, int end, bool singleRoot, ParserWorkspace workspace, bool gold, bool explore, ref SplitMix64 random)
    {
        var n = end - start;
        var state = workspace.State;
        state.Reset(n, ParserFeatures.RootWord, ParserFeatures.RootTag, ParserFeatures.NoWord, ParserFeatures.NoTag, singleRoot);
        var strings = doc.Vocab.Strings;
        var orth = doc.OrthColumn;
        var pos = doc.PosColumn;
        var tags = doc.TagColumn;
        var feats = doc.MorphColumn;
        var words = state.Words;
        var tagValues = state.Tags;
        var upos = state.Upos;
        var classes = state.Classes;
        var suffixes = state.Suffixes;
        var morphs = state.Morphs;
        var lexicon = _lexicon;
        for (var i = 0; i < n; i++)
        {
            var lexical = LexicalFeatures.Get(strings, orth[start + i]);
            var lower = lexical.Lower;
            suffixes[i] = lexical.Suffix3;
            var known = lexicon.TryGetValue(WordKeys.Of(lower), out var ambiguity);
            words[i] = known ? lower : ParserFeatures.UnknownWord;
            classes[i] = known ? ambiguity : ParserFeatures.UnknownWord;
            var p = pos is null ? 0UL : pos[start + i];
            var t = tags is null ? 0UL : tags[start + i];
            tagValues[i] = t != 0 ? t : p;
            upos[i] = p;
            morphs[i] = feats is null ? 0UL : feats[start + i];
        }

        var oracle = workspace.Oracle;
        if (gold)
        {
            oracle.Load(workspace.GoldHeads, workspace.GoldLabels, start, end);

            // Give some ambiguous words another of their analyses, so the model learns what to do when the tagger
            // or morphologizer is wrong (training tags are more accurate than predicted ones on new text). Rare
            // words draw from the analyses of the rare words with their suffix, as a tagger guesses unseen words.
            for (var i = 0; i < n; i++)
            {
                if (random.Next() >= _noiseThreshold)
                {
                    continue;
                }

                var key = words[i] == ParserFeatures.UnknownWord ? WordTags.SuffixKey(suffixes[i]) : words[i];
                if (_confusions.TryGetValue(key, out var analyses))
                {
                    var (p, t, m) = analyses[random.NextInt(analyses.Length)];
                    tagValues[i] = t != 0 ? t : p;
                    upos[i] = p;
                    morphs[i] = m;
                }
            }
        }

        var allFeatures = workspace.Features.AsSpan();
        var scores = workspace.Scores.AsSpan(0, model.Classes);
        var moves = _moves;
        var labels = _actionLabels;
        var rootActions = _rootActions;
        var errors = 0;
        var steps = 0;
        while (!state.IsFinal)
        {
            var features = allFeatures[..ParserFeatures.Extract(state, allFeatures, _morphology)];
            model.Score(features, scores);
            var valid = 0;
            for (var m = 0; m < 4; m++)
            {
                valid |= state.IsValid((Move)m) ? 1 << m : 0;
            }

            var atRoot = state.B0 == state.Root;
            var best = -1;
            var bestScore = float.NegativeInfinity;
            for (var a = 0; a < scores.Length; a++)
            {
                if (((valid >> (int)moves[a]) & 1) != 0 && (moves[a] != Move.Left || rootActions[a] == atRoot)
                    && (best < 0 || scores[a] > bestScore))
                {
                    best = a;
                    bestScore = scores[a];
                }
            }

            var next = best;
            if (gold)
            {
                next = Oracle(model, state, oracle, features, scores, valid, atRoot, best, explore, ref random, out var wrong);
                errors += wrong ? 1 : 0;
            }

            state.Apply(moves[next], labels[next]);
            steps++;
        }

        var heads = workspace.Heads.AsSpan(start, n);
        var labelIds = workspace.Labels.AsSpan(start, n);
        for (var i = 0; i < n; i++)
        {
            var head = state.Heads[i];
            heads[i] = head == n ? i : head;
            labelIds[i] = head == n ? ParseState.RootLabel : state.Labels[i];
        }

        PseudoProjective.Deprojectivize(heads, labelIds, _outputHashes, _targetHashes, workspace.Scratch);
        for (var i = 0; i < n; i++)
        {
            heads[i] += start;
        }

        return new TrainingLoss(errors, gold ? steps : 0);
    }

    /// <summary>
    /// One step of dynamic-oracle training: finds the best-scoring move among those of least cost, updates the
    /// model when the predicted move <paramref name="best"/> costs more, and returns the move to follow.
    /// </summary>
    private int Oracle(
        AveragedPerceptron model,
        ParseState state,
        DynamicOracle oracle,
        ReadOnlySpan<ulong> features,
        ReadOnlySpan<float> scores,
        int valid,
        bool atRoot,
        int best,
        bool explore,
        ref SplitMix64 random,
        out bool wrong)
    {
        Span<int> costs = stackalloc int[4];
        for (var m = 0; m < 4; m++)
        {
            costs[m] = ((valid >> m) & 1) != 0 ? oracle.Cost(state, (Move)m) : int.MaxValue;
        }

        var requiredLeft = oracle.RequiredLabel(state, Move.Left);
        var requiredRight = oracle.RequiredLabel(state, Move.Right);
        var moves = _moves;
        var labels = _actionLabels;
        var bestCost = ActionCost(best, costs, requiredLeft, requiredRight);
        var goldAction = -1;
        var goldCost = int.MaxValue;
        var goldScore = float.NegativeInfinity;
        for (var a = 0; a < scores.Length; a++)
        {
            if (costs[(int)moves[a]] == int.MaxValue || (moves[a] == Move.Left && _rootActions[a] != atRoot))
            {
                continue;
            }

            var cost = ActionCost(a, costs, requiredLeft, requiredRight);
            if (cost < goldCost || (cost == goldCost && scores[a] > goldScore))
            {
                goldAction = a;
                goldCost = cost;
                goldScore = scores[a];
            }
        }

        wrong = bestCost > goldCost;
        if (!wrong)
        {
            return best;
        }

        model.Update(features, goldAction, best);
        return explore && random.Next() < _exploreThreshold ? best : goldAction;

        int ActionCost(int a, Span<int> c, int left, int right)
        {
            var move = moves[a];
            var required = move == Move.Left ? left : move == Move.Right ? right : 0;
            return c[(int)move] + (required != 0 && labels[a] != required ? 1 : 0);
        }
    }

    private void Write(Doc doc, ParserWorkspace workspace)
    {
        var n = doc.Length;
        var heads = Doc.Ensure(ref doc.HeadColumn, n);
        var deps = Doc.Ensure(ref doc.DepColumn, n);
        var starts = Doc.Ensure(ref doc.SentStartColumn, n);
        var predicted = workspace.Heads;
        var labels = workspace.Labels;
        var output = _outputHashes;
        for (var i = 0; i < n; i++)
        {
            heads[i] = predicted[i];
            deps[i] = output[labels[i]];
        }

        // A sentence starts wherever no arc spans the gap before a token: count the arcs over each gap.
        var cover = workspace.Scratch.AsSpan(0, n + 1);
        cover.Clear();
        for (var i = 0; i < n; i++)
        {
            var lo = Math.Min(i, predicted[i]);
            var hi = Math.Max(i, predicted[i]);
            cover[lo + 1]++;
            cover[hi + 1]--;
        }

        var open = 0;
        starts[0] = 1;
        for (var i = 1; i < n; i++)
        {
            open += cover[i];
            starts[i] = open == 0 ? (sbyte)1 : (sbyte)-1;
        }
    }
}
