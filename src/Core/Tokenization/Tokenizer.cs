using Pipeline.Serialization;
using Pipeline.Tokens;

namespace Pipeline.Tokenization;

/// <summary>
/// The rule-based tokenizer of the language classes. Text is split on whitespace into chunks (extra whitespace
/// becomes tokens of its own, so <c>doc.Text</c> always equals the input); each chunk is looked up in the special
/// cases, then prefixes and suffixes are split off repeatedly, then the rest is split at infixes. Results are cached
/// per distinct chunk, so common words cost one hash lookup. Safe for concurrent use. The <see cref="Rules"/> are
/// saved with the model, so a loaded pipeline tokenizes exactly like the saved one.
/// </summary>
public sealed class Tokenizer : ITokenizer, IByteSerializable
{
    private readonly Vocab _vocab;
    private readonly Lock _writeLock = new();
    private volatile TokenizerState _state;

    /// <summary>Creates a tokenizer over <paramref name="vocab"/> driven by <paramref name="rules"/> (validated: E040-E042).</summary>
    public Tokenizer(Vocab vocab, TokenizerRules rules)
    {
        ArgumentNullException.ThrowIfNull(vocab);
        _vocab = vocab;
        _state = new TokenizerState(rules);
    }

    /// <summary>The vocabulary the docs refer to.</summary>
    public Vocab Vocab => _vocab;

    /// <summary>The current rules, including special cases added with <see cref="AddSpecialCase(string, IReadOnlyList{string})"/>.</summary>
    public TokenizerRules Rules => _state.Rules;

    /// <inheritdoc />
    public Doc Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var state = _state;
        var buffer = TokenBuffer.Rent();
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            var start = i;
            if (!Whitespace.Is(span[i]))
            {
                while (i < span.Length && !Whitespace.Is(span[i]))
                {
                    i++;
                }

                AddChunk(state, span[start..i], buffer);
                continue;
            }

            while (i < span.Length && Whitespace.Is(span[i]))
            {
                i++;
            }

            // One space after a token is that token's trailing space; any other whitespace is a token of its own.
            if (span[start] == ' ' && buffer.SetTrailingSpace())
            {
                start++;
            }

            if (start < i)
            {
                buffer.Add(_vocab.Strings.Add(span[start..i]));
            }
        }

        var (orth, spaces, norms) = buffer.ToArrays();
        return new Doc(_vocab, orth, spaces) { NormColumn = norms };
    }

    /// <summary>
    /// Makes <paramref name="text"/> always tokenize as <paramref name="pieces"/>, which must concatenate to it
    /// (E040), e.g. <c>AddSpecialCase("gimme", ["gim", "me"])</c>. The case is saved with the rules.
    /// </summary>
    public void AddSpecialCase(string text, IReadOnlyList<string> pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        AddSpecialCase(text, pieces.Select(p => new SpecialCasePiece(p)).ToList());
    }

    /// <summary>Adds a special case whose pieces carry attributes such as a norm; see <see cref="AddSpecialCase(string, IReadOnlyList{string})"/>.</summary>
    public void AddSpecialCase(string text, IReadOnlyList<SpecialCasePiece> pieces)
    {
        TokenizerState.CheckSpecialCase(text, pieces);
        lock (_writeLock)
        {
            var rules = _state.Rules;
            var cases = new Dictionary<string, IReadOnlyList<SpecialCasePiece>>(rules.SpecialCases, StringComparer.Ordinal)
            {
                [text] = pieces.ToArray(),
            };
            _state = new TokenizerState(rules with { SpecialCases = cases });
        }
    }

    /// <summary>The rules as MessagePack bytes (the <c>tokenizer</c> file of a model directory).</summary>
    public byte[] ToBytes() => TokenizerRulesFormat.Write(_state.Rules);

    /// <summary>Replaces the rules with those written by <see cref="ToBytes"/>; bad bytes raise PipelineFormatException.</summary>
    public void FromBytes(byte[] data) => FromBytes(data, TokenizerRulesFormat.Source);

    /// <summary>As <see cref="FromBytes(byte[])"/>, naming <paramref name="source"/> (the file) in errors.</summary>
    internal void FromBytes(byte[] data, string source)
    {
        ArgumentNullException.ThrowIfNull(data);
        var state = TokenizerRulesFormat.Read(data, source);
        lock (_writeLock)
        {
            _state = state;
        }
    }

    private void AddChunk(TokenizerState state, ReadOnlySpan<char> chunk, TokenBuffer buffer)
    {
        if (state.Cache.TryGetValue(chunk, out var cached))
        {
            buffer.AddRange(cached.Orths, cached.Norms);
            return;
        }

        var lengths = buffer.Lengths;
        var norms = buffer.Norms;
        lengths.Clear();
        norms.Clear();
        state.Split(chunk, lengths, buffer.Suffixes, norms);
        var hashes = new ulong[lengths.Count];
        var position = 0;
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = _vocab.Strings.Add(chunk.Slice(position, lengths[i]));
            position += lengths[i];
        }

        ulong[]? normHashes = null;
        if (norms.Count > 0)
        {
            // Norms are per token, not per word type: the "'s" of one case and the "s" of another keep their own.
            normHashes = new ulong[hashes.Length];
            foreach (var (index, norm) in norms)
            {
                normHashes[index] = _vocab.Strings.Add(norm);
            }
        }

        state.Remember(chunk, new TokenizerState.Chunk(hashes, normHashes));
        buffer.AddRange(hashes, normHashes);
    }
}
