using Pipeline.Components.Matching;

namespace Pipeline.Components;

/// <summary>
/// One rule of an <see cref="EntityRuler"/>: text matching <see cref="Phrase"/> (compared token by token) or a
/// token pattern in <see cref="Tokens"/> becomes an entity labelled <see cref="Label"/>, with <see cref="Id"/> as
/// its knowledge-base id. A token pattern is a list of token specs keyed by attribute (ORTH/TEXT, LOWER, LEMMA,
/// POS, TAG, DEP, SHAPE, ENT_TYPE, IS_ALPHA, IS_DIGIT, IS_PUNCT, IS_SPACE, LIKE_NUM, LENGTH...), whose values are
/// exact values or {"IN": [...]}, {"NOT_IN": [...]}, {"REGEX": "..."}, with an optional "OP" of "?", "*", "+" or "!".
/// The JSON form (<see cref="ToJson"/>) is one line of a spaCy-style <c>patterns.jsonl</c>.
/// </summary>
public sealed class EntityPattern
{
    /// <summary>A phrase pattern: <paramref name="phrase"/> is tokenized by the ruler's pipeline.</summary>
    public EntityPattern(string label, string phrase, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(phrase);
        Label = label;
        Phrase = phrase;
        Id = id;
    }

    /// <summary>
    /// A token pattern, e.g. <c>[new Dictionary&lt;string, object?&gt; { ["LOWER"] = "san" }, ...]</c>. Values may
    /// be strings, bools, numbers, lists, dictionaries or <see cref="System.Text.Json.JsonElement"/>s.
    /// </summary>
    public EntityPattern(string label, IReadOnlyList<IReadOnlyDictionary<string, object?>> tokens, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(tokens);
        Label = label;
        Tokens = tokens;
        Id = id;
    }

    /// <summary>The entity label, e.g. "ORG".</summary>
    public string Label { get; }

    /// <summary>The knowledge-base id given to matched entities (token.EntId), or null.</summary>
    public string? Id { get; }

    /// <summary>The phrase text of a phrase pattern; null for a token pattern.</summary>
    public string? Phrase { get; }

    /// <summary>The token specs of a token pattern; null for a phrase pattern.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>>? Tokens { get; }

    /// <summary>Whether this is a phrase pattern.</summary>
    public bool IsPhrase => Phrase is not null;

    /// <summary>Parses one JSON object such as <c>{"label": "ORG", "pattern": "Apple", "id": "apple"}</c> (E050 when invalid).</summary>
    public static EntityPattern FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return PatternJson.ParseLine(json, (field, problem) => Errors.InvalidEntityPattern("(JSON)", field, problem));
    }

    /// <summary>The pattern as one line of JSON, in the shape of a <c>patterns.jsonl</c> line.</summary>
    public string ToJson() => PatternJson.Serialize(this);

    /// <inheritdoc />
    public override string ToString() => ToJson();
}
