using Pipeline.Serialization;
using Pipeline.Tokens;

namespace Pipeline.Tokenization.Learned;

/// <summary>
/// A tokenizer and sentence splitter learned from a treebank's raw text (<see cref="Train"/>), so a language needs
/// training data, not rules. A perceptron labels every character from hashed features of the characters and chunks
/// around it: inside a token, start of a new word inside a multiword token, start of a token, start of a sentence.
/// Surface tokens the lexicon knows as multiword tokens (pt "do" = "de" + "o") are expanded. The doc holds the
/// words, its <see cref="Doc.MultiwordTokens"/> record the surface tokens, and its sentence starts are set.
/// <c>doc.Text</c> always equals the input. Saved as the model's <c>tokenizer</c> file; safe for concurrent use.
/// </summary>
public sealed partial class LearnedTokenizer : ITokenizer, IByteSerializable
{
    private readonly Vocab _vocab;
    private volatile TokenizerModel? _model;

    /// <summary>Creates an untrained tokenizer over <paramref name="vocab"/>; load a model with <see cref="FromBytes(byte[])"/>.</summary>
    public LearnedTokenizer(Vocab vocab)
    {
        ArgumentNullException.ThrowIfNull(vocab);
        _vocab = vocab;
    }

    private LearnedTokenizer(Vocab vocab, TokenizerModel model)
        : this(vocab)
    {
        _model = model;
    }

    /// <summary>The vocabulary the docs refer to.</summary>
    public Vocab Vocab => _vocab;

    /// <summary>Whether a model has been trained or loaded.</summary>
    public bool IsTrained => _model is not null;

    /// <summary>The number of surface forms in the multiword lexicon.</summary>
    public int MultiwordCount => _model?.Lexicon.Entries.Count ?? 0;

    /// <summary>The lexicon's expansion of a (case-insensitive) surface form, or null when it is not a multiword token.</summary>
    public IReadOnlyList<string>? Expansion(string surface)
    {
        ArgumentNullException.ThrowIfNull(surface);
        return _model?.Lexicon.Expand(surface);
    }

    /// <inheritdoc />
    public Doc Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var model = _model ?? throw Errors.NotTrained("tokenizer");
        var builder = DocBuilder.Rent(text.Length);
        var labels = builder.Labels(text.Length);
        var span = text.AsSpan();
        model.Label(span, labels);
        var strings = _vocab.Strings;
        var p = 0;
        var previous = (Start: 0, End: 0);
        var seenToken = false;
        while (p < span.Length)
        {
            if (Whitespace.Is(span[p]))
            {
                var q = p;
                while (q < span.Length && Whitespace.Is(span[q]))
                {
                    q++;
                }

                var start = p;
                if (span[p] == ' ' && !builder.LastHasSpace && builder.SetTrailingSpace())
                {
                    start++;
                }

                if (start < q)
                {
                    builder.Add(strings.Add(span[start..q]), builder.Count == 0, start);
                }

                p = q;
                continue;
            }

            var end = TokenEnd(labels, span, p);
            // Leading whitespace, if any, holds the first sentence start.
            var sentenceStart = seenToken ? labels[p] == TokenizerExample.SentenceStart : builder.Count == 0;
            seenToken = true;
            AddToken(model, builder, span, labels, (p, end), previous, sentenceStart);
            previous = (p, end);
            p = end;
        }

        return builder.Build(_vocab);
    }

    /// <summary>The model as MessagePack bytes (the <c>tokenizer</c> file of a model directory, kind "learned").</summary>
    public byte[] ToBytes() => LearnedTokenizerFormat.Write(_model ?? throw Errors.NotTrained("tokenizer"));

    /// <summary>Replaces the model with one written by <see cref="ToBytes"/>; bad bytes raise PipelineFormatException.</summary>
    public void FromBytes(byte[] data) => FromBytes(data, LearnedTokenizerFormat.Source);

    /// <summary>As <see cref="FromBytes(byte[])"/>, naming <paramref name="source"/> (the file) in errors.</summary>
    internal void FromBytes(byte[] data, string source)
    {
        ArgumentNullException.ThrowIfNull(data);
        _model = LearnedTokenizerFormat.Read(data, source);
    }

    /// <summary>Whether <paramref name="data"/> are the bytes of a learned tokenizer (rather than tokenizer rules).</summary>
    public static bool IsLearnedTokenizer(byte[] data) => LearnedTokenizerFormat.IsLearned(data);

    // Asks the chooser about an ambiguous form, given the surface tokens before and after it.
    private static bool Expands(TokenizerModel model, ReadOnlySpan<char> text, Span<byte> labels, (int Start, int End) token, (int Start, int End) previous)
    {
        if (model.Chooser is not { } chooser)
        {
            return true;
        }

        var next = token.End;
        while (next < text.Length && Whitespace.Is(text[next]))
        {
            next++;
        }

        var nextEnd = next < text.Length ? TokenEnd(labels, text, next) : next;
        return chooser.Expands(text[token.Start..token.End], text[previous.Start..previous.End], text[next..nextEnd]);
    }

    // The token starting at p ends after its last character before the next token start (it may hold whitespace).
    private static int TokenEnd(Span<byte> labels, ReadOnlySpan<char> text, int p)
    {
        var last = p;
        for (var q = p + 1; q < text.Length; q++)
        {
            var label = labels[q];
            if (label == TokenizerExample.None)
            {
                continue;
            }

            if (label >= TokenizerExample.TokenStart)
            {
                break;
            }

            last = q;
        }

        return last + 1;
    }

    private void AddToken(
        TokenizerModel model, DocBuilder builder, ReadOnlySpan<char> text, Span<byte> labels, (int Start, int End) token, (int Start, int End) previous, bool sentenceStart)
    {
        var (start, end) = token;
        var strings = _vocab.Strings;
        var surface = text[start..end];
        var first = builder.Count;
        var pieceStart = start;
        for (var k = start + 1; k < end; k++)
        {
            if (labels[k] == TokenizerExample.WordStart)
            {
                builder.Add(strings.Add(text[pieceStart..k]), sentenceStart && pieceStart == start, pieceStart);
                pieceStart = k;
            }
        }

        if (pieceStart > start)
        {
            builder.Add(strings.Add(text[pieceStart..end]), false, pieceStart);
            builder.AddMultiword(first, surface.ToString());
            return;
        }

        if (model.Lexicon.Lookup(surface, out var ambiguous) is { } words && (!ambiguous || Expands(model, text, labels, token, previous)))
        {
            for (var k = 0; k < words.Length; k++)
            {
                builder.Add(strings.Add(words[k]), sentenceStart && k == 0, start);
            }

            builder.AddMultiword(first, surface.ToString());
            return;
        }

        builder.Add(strings.Add(surface), sentenceStart, start);
    }
}
