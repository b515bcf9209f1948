using System.Text.RegularExpressions;
using Pipeline.Tokens;

namespace Pipeline.Components.Matching;

/// <summary>How a <see cref="TokenConstraint"/> compares the token's value with the pattern's.</summary>
internal enum ConstraintOp : byte
{
    /// <summary>Exact value (a plain string, bool or number in the pattern).</summary>
    Equal,

    /// <summary>{"IN": [...]}.</summary>
    In,

    /// <summary>{"NOT_IN": [...]}.</summary>
    NotIn,

    /// <summary>{"REGEX": "..."}: the attribute's string contains a match.</summary>
    Regex,

    /// <summary>{"==": n}.</summary>
    NumEqual,

    /// <summary>{"!=": n}.</summary>
    NumNotEqual,

    /// <summary>{"&gt;=": n}.</summary>
    GreaterOrEqual,

    /// <summary>{"&lt;=": n}.</summary>
    LessOrEqual,

    /// <summary>{"&gt;": n}.</summary>
    Greater,

    /// <summary>{"&lt;": n}.</summary>
    Less,
}

/// <summary>
/// One test on one token attribute, e.g. LOWER in {"apple", "pear"}. Values are pre-hashed, so a test reads one
/// column or lexeme field and compares numbers; only REGEX looks at the string.
/// </summary>
internal sealed class TokenConstraint(TokenAttr attr, ConstraintOp op, ulong value, HashSet<ulong>? set = null, Regex? regex = null)
{
    public TokenAttr Attr { get; } = attr;

    public ConstraintOp Op { get; } = op;

    /// <summary>Whether the constraint is an exact test on a text attribute, usable to index patterns.</summary>
    public bool IsExactText => Op == ConstraintOp.Equal && Attr is TokenAttr.Orth or TokenAttr.Lower;

    public ulong Value { get; } = value;

    public bool Matches(Doc doc, int i)
    {
        if (Op == ConstraintOp.Regex)
        {
            var text = TokenAttrValues.GetText(doc, i, Attr);
            try
            {
                return regex!.IsMatch(text);
            }
            catch (RegexMatchTimeoutException e)
            {
                throw Errors.RegexTimedOut($"a token pattern's REGEX on {Attr} (entity_ruler patterns)", e.Pattern, text, e.MatchTimeout);
            }
        }

        var actual = TokenAttrValues.Get(doc, i, Attr);
        return Op switch
        {
            ConstraintOp.Equal or ConstraintOp.NumEqual => actual == Value,
            ConstraintOp.NumNotEqual => actual != Value,
            ConstraintOp.In => set!.Contains(actual),
            ConstraintOp.NotIn => !set!.Contains(actual),
            ConstraintOp.GreaterOrEqual => (long)actual >= (long)Value,
            ConstraintOp.LessOrEqual => (long)actual <= (long)Value,
            ConstraintOp.Greater => (long)actual > (long)Value,
            ConstraintOp.Less => (long)actual < (long)Value,
            _ => false,
        };
    }
}
