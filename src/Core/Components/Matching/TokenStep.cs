using Pipeline.Tokens;

namespace Pipeline.Components.Matching;

/// <summary>How many tokens a <see cref="TokenStep"/> consumes: the pattern's "OP".</summary>
internal enum Quantifier : byte
{
    /// <summary>No OP: exactly one matching token.</summary>
    One,

    /// <summary>"?": zero or one.</summary>
    Optional,

    /// <summary>"*": zero or more.</summary>
    ZeroOrMore,

    /// <summary>"+": one or more.</summary>
    OneOrMore,

    /// <summary>"!": exactly one token that does not match.</summary>
    Not,
}

/// <summary>One position of a compiled token pattern: its constraints (all must hold) and its quantifier.</summary>
internal sealed class TokenStep(TokenConstraint[] constraints, Quantifier quantifier)
{
    public TokenConstraint[] Constraints { get; } = constraints;

    public Quantifier Quantifier { get; } = quantifier;

    /// <summary>Whether the step can match zero tokens.</summary>
    public bool Skippable => Quantifier is Quantifier.Optional or Quantifier.ZeroOrMore;

    /// <summary>Whether the step can consume further tokens after one.</summary>
    public bool Repeats => Quantifier is Quantifier.ZeroOrMore or Quantifier.OneOrMore;

    /// <summary>Whether token <paramref name="i"/> is consumed by this step (negated for "!").</summary>
    public bool Accepts(Doc doc, int i)
    {
        var all = true;
        foreach (var constraint in Constraints)
        {
            if (!constraint.Matches(doc, i))
            {
                all = false;
                break;
            }
        }

        return Quantifier == Quantifier.Not ? !all : all;
    }
}
